using System.Net;
using System.Net.Sockets;

namespace DroneDelivery.Bench.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback TCP port nobody listens on at this moment (the OS picks it).</summary>
    public static int Next()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
