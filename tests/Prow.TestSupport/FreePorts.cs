using System.Net;
using System.Net.Sockets;

namespace Prow.TestSupport;

/// <summary>TCP ports that were free a moment ago, for hosts started by tests.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
