namespace LeadSync.Web.Console;

/// <summary>
/// <c>GET /api/console/{*path}</c>: the admin web console, a few dependency-free files embedded in this assembly so
/// both hosts serve the same bytes with no build step. The page itself is public; every API it calls needs an admin.
/// </summary>
public sealed class ConsoleEndpoints
{
    private const string ResourcePrefix = "console/";
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static IResult Get(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        var content = Read(ResourcePrefix + name);
        return content is null ? Problem.NotFound("No such console file.") : new EmbeddedFileResult(content, ContentType(name));
    }

    /// <summary>An embedded resource of this assembly (console files, the OpenAPI document), or null.</summary>
    public static byte[]? Read(string resource) => Cache.GetOrAdd(resource, static r =>
    {
        using var stream = typeof(ConsoleEndpoints).Assembly.GetManifestResourceStream(r);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
