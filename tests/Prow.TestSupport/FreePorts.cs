using System.Net;
using System.Net.Sockets;

namespace Prow.TestSupport;

/// <summary>
/// TCP ports that were free a moment ago, for hosts started by tests (Orleans' silo and gateway ports, which take no 0).
/// </summary>
/// <remarks>
/// Not the kernel's pick for port 0: that comes from the ephemeral range, which every outgoing connection of the
/// test run draws from too, so between the check and the host's bind a client socket could take it (seen in CI as
/// "Address already in use"). Ports come from below that range instead, each handed out once per process, starting at
/// a random place so concurrent test processes rarely walk the same ports.
/// </remarks>
public static class FreePorts
{
    private const int First = 20000;
    private const int Last = 32000; // below Linux's default ephemeral range (32768-60999)
    private static readonly Lock Gate = new();
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried <= Last - First; tried++)
            {
                var port = _next;
                _next = _next >= Last ? First : _next + 1;
                if (IsFree(port)) return port;
            }
        }
        throw new InvalidOperationException($"no free TCP port between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
