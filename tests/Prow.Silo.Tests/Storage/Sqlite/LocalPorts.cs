using System.Net;
using System.Net.Sockets;

namespace Prow.Silo.Tests.Storage.Sqlite;

/// <summary>Free loopback ports, so test silos do not collide with each other or other test runs.</summary>
internal static class LocalPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
