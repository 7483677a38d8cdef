using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LeadSync.Testing;

/// <summary>
/// A loopback proxy in front of a storage endpoint (Azurite) that injects one <see cref="StorageFault"/> at a time:
/// refused or reset connections, a stall (requests read, never answered), or HTTP 500/503/429 answers. Switching the
/// fault drops every open connection, so pooled client connections meet the new fault at once.
/// </summary>
public sealed class FaultyStorageProxy : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();
    private volatile StorageFault _fault;

    private FaultyStorageProxy(int port, int targetPort)
    {
        Port = port;
        _targetPort = targetPort;
    }

    public int Port { get; }

    public StorageFault Fault => _fault;

    public static FaultyStorageProxy Start(int targetPort)
    {
        var proxy = new FaultyStorageProxy(FreePort.Next(), targetPort);
        proxy.Listen();
        return proxy;
    }

    /// <summary>Injects <paramref name="fault"/> from now on (<see cref="StorageFault.None"/> heals).</summary>
    public async Task SetAsync(StorageFault fault)
    {
        _fault = fault;
        await _stop.CancelAsync();
        _listener?.Stop();
        _listener = null;
        foreach (var socket in _open.Keys)
        {
            Close(socket);
        }

        _stop.Dispose();
        _stop = new CancellationTokenSource();
        if (fault != StorageFault.Refuse)
        {
            Listen();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await SetAsync(StorageFault.Refuse);
        _stop.Dispose();
    }

    private void Listen()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(cancellationToken);
            }
            catch (SocketException) when (!cancellationToken.IsCancellationRequested)
            {
                continue; // A connection reset before it was accepted: keep listening (see TcpRelay).
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _open[client] = 0;
            _ = ServeAsync(client, _fault, cancellationToken);
        }
    }

    private async Task ServeAsync(Socket client, StorageFault fault, CancellationToken cancellationToken)
    {
        try
        {
            switch (fault)
            {
                case StorageFault.None:
                    await RelayAsync(client, cancellationToken);
                    break;
                case StorageFault.Reset:
                    Close(client);
                    break;
                case StorageFault.Stall:
                    await DrainAsync(client, cancellationToken);
                    break;
                default:
                    await AnswerAsync(client, fault, cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            Close(client);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken cancellationToken)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, cancellationToken);
            await SocketPump.BothWaysAsync(client, upstream, cancellationToken);
        }
        finally
        {
            Close(upstream);
        }
    }

    /// <summary>Reads whatever arrives and never answers, until the client gives up or the fault changes.</summary>
    private static async Task DrainAsync(Socket client, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (await client.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0)
        {
        }
    }

    /// <summary>Reads each request (headers and Content-Length body) and answers it with the fault's status.</summary>
    private static async Task AnswerAsync(Socket client, StorageFault fault, CancellationToken cancellationToken)
    {
        var (status, reason, code) = fault switch
        {
            StorageFault.ServerError => (500, "Internal Server Error", "InternalError"),
            StorageFault.Unavailable => (503, "Server Busy", "ServerBusy"),
            _ => (429, "Too Many Requests", "TooManyRequests"),
        };
        var pending = new List<byte>();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var headerEnd = IndexOfHeaderEnd(pending);
            while (headerEnd < 0)
            {
                var read = await client.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                pending.AddRange(buffer.AsSpan(0, read));
                headerEnd = IndexOfHeaderEnd(pending);
            }

            var headers = Encoding.ASCII.GetString([.. pending.Take(headerEnd)]);
            var length = ContentLength(headers);
            while (pending.Count < headerEnd + 4 + length)
            {
                var read = await client.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                pending.AddRange(buffer.AsSpan(0, read));
            }

            pending.RemoveRange(0, headerEnd + 4 + length);
            var body = "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"Injected fault.\"}}}";
            var retryAfter = status == 500 ? string.Empty : "Retry-After: 30\r\n";
            var response = string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nx-ms-error-code: {code}\r\n{retryAfter}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
            await client.SendAsync(Encoding.UTF8.GetBytes(response), SocketFlags.None, cancellationToken);
        }
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) &&
                int.TryParse(line["Content-Length:".Length..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var length))
            {
                return length;
            }
        }

        return 0;
    }

    private void Close(Socket socket)
    {
        if (_open.TryRemove(socket, out _))
        {
            SocketPump.Reset(socket);
        }
    }
}
