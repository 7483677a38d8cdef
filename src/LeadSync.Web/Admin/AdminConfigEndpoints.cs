namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET|PUT /api/admin/config/{resource}</c> and <c>GET …/history</c>: admin-edited configuration with
/// optimistic concurrency. The ETag is the quoted version number (<c>"0"</c>: settings, never edited); PUT requires
/// If-Match (428 without, 412 when stale) and stores a new version naming who changed what.
/// </summary>
public sealed class AdminConfigEndpoints(
    IAdminConfigStore store,
    AdminConfigurationSnapshot snapshot,
    AdminResourceCatalog catalog,
    EndpointGuard guard)
{
    public const int MaxDocumentBytes = 32 * 1024;

    public Task<IResult> GetAsync(HttpRequest request, string resource, CancellationToken cancellationToken) =>
        guard.RunAsync("admin config read", async () =>
        {
            if (!AdminResources.IsKnown(resource))
            {
                return UnknownResource();
            }

            var current = await store.GetCurrentAsync(resource, cancellationToken);
            if (current is not null)
            {
                snapshot.Apply(resource, current.Version, current.Json);
            }

            var json = current is null ? catalog.Fallback(resource) : AdminResourceCatalog.Redacted(resource, current.Json);
            return Document(json, current?.Version ?? 0);
        });

    public Task<IResult> PutAsync(HttpRequest request, string resource, CancellationToken cancellationToken) =>
        guard.RunAsync("admin config write", async () =>
        {
            var actor = AdminGate.ActorOf(request);

            if (!AdminResources.IsKnown(resource))
            {
                return UnknownResource();
            }

            var ifMatch = request.Headers.IfMatch.ToString();
            if (ifMatch.Length == 0)
            {
                return Problem.PreconditionRequired();
            }

            var current = await store.GetCurrentAsync(resource, cancellationToken);
            var currentVersion = current?.Version ?? 0;
            if (ParseVersion(ifMatch) is not { } expected || (expected >= 0 && expected != currentVersion))
            {
                return Problem.PreconditionFailed($"The resource is at ETag {ETag(currentVersion)}; reload it, reapply your change and retry.");
            }

            var body = await RequestReader.ReadBodyAsync(request, MaxDocumentBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"Admin documents are at most {MaxDocumentBytes} bytes.");
            }

            var check = catalog.Check(resource, Encoding.UTF8.GetString(body), current?.Json);
            if (!check.IsValid)
            {
                return Problem.Validation(check.Errors);
            }

            var result = await store.SaveAsync(resource, currentVersion, check.Json, check.HistoryJson, actor, check.Changes, cancellationToken);
            if (result.Saved is not { } saved)
            {
                return Problem.PreconditionFailed("Another admin changed the resource at the same time; reload it and retry.");
            }

            snapshot.Apply(resource, saved.Version, saved.Json);
            return Document(check.HistoryJson, saved.Version);
        });

    public Task<IResult> HistoryAsync(HttpRequest request, string resource, CancellationToken cancellationToken) =>
        guard.RunAsync("admin config history", async () =>
        {
            if (!AdminResources.IsKnown(resource))
            {
                return UnknownResource();
            }

            var versions = await store.GetHistoryAsync(resource, 100, cancellationToken);
            return TypedResults.Ok(new AdminHistoryView(resource, versions
                .Select(v => new AdminHistoryEntry(v.Version, v.ChangedBy, v.ChangedAt, v.Changes, JsonNode.Parse(v.Json)))
                .ToList()));
        });

    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>The version an If-Match names; -1 for <c>*</c>; null when it is not one of our ETags.</summary>
    private static int? ParseVersion(string ifMatch)
    {
        var value = ifMatch.Split(',')[0].Trim();
        if (value == "*")
        {
            return -1;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static IResult Document(string json, int version) =>
        new HeaderResult(Results.Text(json, "application/json", Encoding.UTF8), "ETag", ETag(version));

    private static IResult UnknownResource() => Problem.NotFound($"Admin resources: {string.Join(", ", AdminResources.All)}.");
}
