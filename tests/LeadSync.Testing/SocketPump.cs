using System.Net.Sockets;

namespace LeadSync.Testing;

/// <summary>The byte pump <see cref="TcpRelay"/> and <see cref="FaultyStorageProxy"/> relay a connection with.</summary>
public static class SocketPump
{
    /// <summary>Copies both ways until either side closes (or the relay is stopped); socket errors end it quietly.</summary>
    public static Task BothWaysAsync(Socket client, Socket upstream, CancellationToken cancellationToken) =>
        Task.WhenAny(PumpAsync(client, upstream, cancellationToken), PumpAsync(upstream, client, cancellationToken));

    /// <summary>Closes with a reset (linger 0), as a service that goes away does.</summary>
    public static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
