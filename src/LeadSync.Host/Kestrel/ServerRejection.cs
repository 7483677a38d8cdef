namespace LeadSync.Portable.Kestrel;

/// <summary>
/// Recognizes the bodiless answer Kestrel sends for a request it refuses while reading the request line or headers
/// (malformed request line, bare CR/LF, headers over its limits) — before any middleware runs, so neither the exception
/// handler nor status-code pages see it — and turns it into the same answer with an <c>application/problem+json</c> body.
/// Only a complete response head with status 400, 414 or 431, <c>Content-Length: 0</c> and <c>Connection: close</c>
/// matches: LeadSync's own error answers always carry a problem body, so they never do.
/// </summary>
public static class ServerRejection
{
    private static readonly byte[] StatusLinePrefix = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Close = "\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The problem (type, title from <see cref="ProblemCatalog"/>; detail) for a server-level refusal with <paramref name="status"/>, or null for other statuses.</summary>
    public static (string Type, string Title, string Detail)? ProblemFor(int status) => (ProblemCatalog.ForServerRefusal(status), status) switch
    {
        ({ } row, 400) => (row.Type, row.Title, "The server refused the request before reading it: the request line or a header is malformed."),
        ({ } row, 414) => (row.Type, row.Title, "The request target is longer than the server accepts (8 KB)."),
        ({ } row, 431) => (row.Type, row.Title, "The request headers are larger than the server accepts (32 KB in all, at most 100 headers)."),
        _ => null,
    };

    /// <summary>The response with a problem body when <paramref name="written"/> is exactly such a refusal; otherwise false.</summary>
    public static bool TryRewrite(ReadOnlySpan<byte> written, out byte[] rewritten)
    {
        rewritten = [];
        if (written.Length < StatusLinePrefix.Length + 3 || !written.StartsWith(StatusLinePrefix) || !written.EndsWith(HeadEnd) ||
            written.IndexOf(HeadEnd) != written.Length - HeadEnd.Length || written.IndexOf(EmptyBody) < 0 || written.IndexOf(Close) < 0 ||
            !int.TryParse(written.Slice(StatusLinePrefix.Length, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ||
            ProblemFor(status) is not { } problem)
        {
            return false;
        }

        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = problem.Type,
            ["title"] = problem.Title,
            ["status"] = status,
            ["detail"] = problem.Detail,
        }));
        var head = Encoding.Latin1.GetString(written);
        var lengthAt = head.IndexOf("\r\nContent-Length: 0\r\n", StringComparison.Ordinal);
        head = string.Concat(head.AsSpan(0, lengthAt),
            string.Create(CultureInfo.InvariantCulture, $"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n"),
            head.AsSpan(lengthAt + EmptyBody.Length));
        rewritten = [.. Encoding.Latin1.GetBytes(head), .. body];
        return true;
    }
}
