using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// HTTP/1.1 over a plain socket, for what HttpClient cannot do: a body that is never finished. Sends the head and
/// then body bytes (with a declared Content-Length, or chunked) until the server has answered or
/// <c>maxBodyBytes</c> is reached, reading the answer at the same time.
/// </summary>
public static class RawHttp
{
    public static async Task<RawAnswer> SendUnfinishedAsync(Uri url, IEnumerable<KeyValuePair<string, string>> headers, long? declaredLength, long maxBodyBytes, TimeSpan patience)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(url.Host, url.Port);
        var stream = socket.GetStream();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\n")
            .Append(declaredLength is { } length ? $"Content-Length: {length.ToString(CultureInfo.InvariantCulture)}\r\n" : "Transfer-Encoding: chunked\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        using var answered = new CancellationTokenSource(patience);
        long sent = 0;
        var reader = ReadAnswerAsync(stream, answered.Token);
        var writer = Task.Run(async () =>
        {
            var payload = new byte[16 * 1024];
            Array.Fill(payload, (byte)'x');
            var frame = declaredLength is null
                ? [.. Encoding.ASCII.GetBytes(payload.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. payload, (byte)'\r', (byte)'\n']
                : payload;
            try
            {
                while (sent < maxBodyBytes && !reader.IsCompleted)
                {
                    await stream.WriteAsync(frame, answered.Token);
                    Interlocked.Add(ref sent, payload.Length);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // The server closed the connection or answered: either way, stop sending.
            }
        });

        var (status, contentType, body) = await reader;
        var sentWhenAnswered = Interlocked.Read(ref sent);
        await answered.CancelAsync();
        await writer;
        return new RawAnswer(status, contentType, body, sentWhenAnswered);
    }

    private static async Task<(int, string?, string)> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOf(received, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection without an answer.");
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var lines = Encoding.ASCII.GetString([.. received.Take(headEnd)]).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        string? Header(string name) => lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
        var rest = received.Skip(headEnd + 4).ToList();
        async Task Need(Func<bool> enough)
        {
            while (!enough())
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                rest.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }

        string body;
        if (Header("Content-Length") is { } lengthText)
        {
            var length = int.Parse(lengthText, CultureInfo.InvariantCulture);
            await Need(() => rest.Count >= length);
            body = Encoding.UTF8.GetString([.. rest.Take(length)]);
        }
        else
        {
            await Need(() => IndexOf(rest, "0\r\n\r\n"u8.ToArray()) >= 0);
            body = Dechunk([.. rest]);
        }

        return (status, Header("Content-Type")?.Split(';')[0].Trim(), body);
    }

    private static string Dechunk(byte[] chunked)
    {
        var text = new StringBuilder();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = Array.IndexOf(chunked, (byte)'\n', at);
            var size = int.Parse(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(chunked, lineEnd + 1, size));
            at = lineEnd + 1 + size + 2;
        }

        return text.ToString();
    }

    private static int IndexOf(List<byte> bytes, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = bytes[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
