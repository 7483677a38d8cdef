using System.Runtime.CompilerServices;

namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET|PUT /api/admin/config/{resource}</c> and <c>GET …/history</c>: admin-edited configuration with
/// optimistic concurrency. The ETag is the quoted version number (<c>"0"</c>: settings, never edited); PUT requires
/// If-Match (428 without, 412 when stale) and stores a new version naming who changed what. Reads answer the effective
/// document (what runs, defaults filled in); <c>?sources=true</c> adds where each value comes from.
/// </summary>
public sealed class AdminConfigEndpoints(
    IAdminConfigStore store,
    AdminConfigurationSnapshot snapshot,
    AdminResourceCatalog catalog,
    AdminAudit audit,
    EndpointGuard guard,
    IConfiguration configuration)
{
    public const int MaxDocumentBytes = 32 * 1024;

    public Task<IResult> GetAsync(HttpRequest request, string resource, CancellationToken cancellationToken) =>
        guard.RunAsync("admin config read", async () =>
        {
            if (!AdminResources.IsKnown(resource))
            {
                return UnknownResource();
            }

            var withSources = request.Query["sources"].ToString();
            if (withSources is not ("" or "true" or "false"))
            {
                return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["sources"] = ["true (the effective document with where each value comes from) or false (the document alone)."],
                });
            }

            var current = await store.GetCurrentAsync(resource, cancellationToken);
            if (current is not null)
            {
                snapshot.Apply(resource, current.Version, current.Json);
            }

            var json = catalog.Effective(resource, current?.Json);
            var version = current?.Version ?? 0;
            return withSources == "true"
                ? new HeaderResult(TypedResults.Ok(new AdminEffectiveView(resource, version, JsonNode.Parse(json),
                    AdminValueSources.Of(resource, json, current, configuration))), "ETag", ETag(version))
                : Document(json, version);
        });

    public Task<IResult> PutAsync(HttpRequest request, string resource, CancellationToken cancellationToken) =>
        guard.RunAsync("admin config write", async () =>
        {
            switch (request.Query["validateOnly"].ToString())
            {
                case "true":
                    return await ValidateAsync(request, resource, cancellationToken);
                case "" or "false":
                    break;
                default:
                    return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
                    {
                        ["validateOnly"] = ["true (check the document and store nothing) or false (store it)."],
                    });
            }

            var (current, refused) = await CurrentIfMatchedAsync(request, resource, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            var body = await RequestReader.ReadBodyAsync(request, MaxDocumentBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"Admin documents are at most {MaxDocumentBytes} bytes.");
            }

            return await StoreAsync(request, resource, current, Encoding.UTF8.GetString(body), note: null, cancellationToken);
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

    /// <summary>
    /// <c>GET …/diff?from=N&amp;to=M</c>: the field-level difference between two stored versions (as the history keeps
    /// them, secrets removed); <c>to</c> defaults to the current version, <c>from</c> to the one before it.
    /// </summary>
    public Task<IResult> DiffAsync(HttpRequest request, string resource, CancellationToken cancellationToken) =>
        guard.RunAsync("admin config diff", async () =>
        {
            if (!AdminResources.IsKnown(resource))
            {
                return UnknownResource();
            }

            var versions = await store.GetHistoryAsync(resource, 100, cancellationToken);
            if (versions.Count == 0)
            {
                return Problem.NotFound($"No admin has changed {resource} yet: there are no versions to compare.");
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var to = QueryVersion(request, "to", versions[0].Version, errors);
            var from = QueryVersion(request, "from", to - 1, errors);
            if (errors.Count > 0)
            {
                return Problem.Validation(errors);
            }

            var before = versions.FirstOrDefault(v => v.Version == from);
            var after = versions.FirstOrDefault(v => v.Version == to);
            if (before is null || after is null)
            {
                return Problem.NotFound(string.Create(CultureInfo.InvariantCulture,
                    $"{resource} has versions {versions[^1].Version} to {versions[0].Version} (the newest 100); version {(before is null ? from : to)} is not one of them."));
            }

            return TypedResults.Ok(new AdminDiffView(resource, from, to, AdminDocumentDiff.Between(before.Json, after.Json)));
        });

    /// <summary>
    /// <c>POST …/rollback</c> with <c>{"version": N}</c> and If-Match: stores version N's document again as a new version
    /// (checked by today's rules, like any write), so the history keeps both the change and its rollback.
    /// </summary>
    public Task<IResult> RollbackAsync(HttpRequest request, string resource, CancellationToken cancellationToken) =>
        guard.RunAsync("admin config rollback", async () =>
        {
            var (current, refused) = await CurrentIfMatchedAsync(request, resource, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            var body = await RequestReader.ReadBodyAsync(request, 1024, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, "A rollback request is at most 1 KiB: {\"version\": N}.");
            }

            const string Shape = "The body must be a JSON object: {\"version\": N}.";
            var currentVersion = current?.Version ?? 0;
            var (target, problem) = JsonObjectBody.Parse(body, Shape, Shape, (root, errors) => RollbackTarget(root, currentVersion, errors));
            if (problem is not null)
            {
                return problem;
            }

            var stored = (await store.GetHistoryAsync(resource, 100, cancellationToken)).FirstOrDefault(v => v.Version == target!.Value);
            return stored is null
                ? Problem.NotFound(string.Create(CultureInfo.InvariantCulture, $"Version {target!.Value} of {resource} is not among the newest 100."))
                : await StoreAsync(request, resource, current, stored.Json,
                    string.Create(CultureInfo.InvariantCulture, $"rollback to version {stored.Version}"), cancellationToken);
        });

    /// <summary>
    /// <c>PUT …?validateOnly=true</c>: the same checks as a write (no If-Match needed), nothing stored; 200 with the
    /// top-level fields the document would change, or the 400 a write would answer.
    /// </summary>
    private async Task<IResult> ValidateAsync(HttpRequest request, string resource, CancellationToken cancellationToken)
    {
        if (!AdminResources.IsKnown(resource))
        {
            return UnknownResource();
        }

        var body = await RequestReader.ReadBodyAsync(request, MaxDocumentBytes, cancellationToken);
        if (body is null)
        {
            return Problem.Of(ProblemTypes.PayloadTooLarge, $"Admin documents are at most {MaxDocumentBytes} bytes.");
        }

        var current = await store.GetCurrentAsync(resource, cancellationToken);
        var check = catalog.Check(resource, Encoding.UTF8.GetString(body), current?.Json);
        return check.IsValid
            ? TypedResults.Ok(new AdminValidationView(resource, current?.Version ?? 0, check.Changes))
            : Problem.Validation(check.Errors);
    }

    /// <summary>
    /// The stored version a write may replace: the resource must be known and <c>If-Match</c> must name its current
    /// version (or <c>*</c>); otherwise the problem to answer (404, 428, 412).
    /// </summary>
    private async Task<(AdminConfigVersion? Current, IResult? Refused)> CurrentIfMatchedAsync(
        HttpRequest request, string resource, CancellationToken cancellationToken)
    {
        if (!AdminResources.IsKnown(resource))
        {
            return (null, UnknownResource());
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return (null, Problem.PreconditionRequired());
        }

        var current = await store.GetCurrentAsync(resource, cancellationToken);
        var currentVersion = current?.Version ?? 0;
        return ParseVersion(ifMatch) is not { } expected || (expected >= 0 && expected != currentVersion)
            ? (current, Problem.PreconditionFailed($"The resource is at ETag {ETag(currentVersion)}; reload it, reapply your change and retry."))
            : (current, null);
    }

    /// <summary>
    /// Checks <paramref name="json"/> by the resource's rules and stores it as the next version, conditional on
    /// <paramref name="current"/> still being current; <paramref name="note"/> (a rollback's) ends the change list.
    /// A document that passes the checks is saved inside its audit entry (<c>config.change</c>, or
    /// <c>config.rollback</c> with a note): written first, completed with the new version and the changed fields.
    /// </summary>
    private async Task<IResult> StoreAsync(
        HttpRequest request, string resource, AdminConfigVersion? current, string json, string? note, CancellationToken cancellationToken)
    {
        var check = catalog.Check(resource, json, current?.Json);
        if (!check.IsValid)
        {
            return Problem.Validation(check.Errors);
        }

        IReadOnlyList<string> changes = note is null ? check.Changes : [.. check.Changes, note];
        var action = note is null ? AuditActions.ConfigChange : AuditActions.ConfigRollback;
        return await audit.RecordAsync(request, action, "config " + resource, async auditNote =>
        {
            var result = await store.SaveAsync(
                resource, current?.Version ?? 0, check.Json, check.HistoryJson, AdminGate.ActorOf(request), changes, cancellationToken);
            if (result.Saved is not { } saved)
            {
                return Problem.PreconditionFailed("Another admin changed the resource at the same time; reload it and retry.");
            }

            snapshot.Apply(resource, saved.Version, saved.Json);
            auditNote.Outcome = string.Create(CultureInfo.InvariantCulture,
                $"version {saved.Version}; changed: {(changes.Count == 0 ? "nothing" : string.Join(", ", changes))}");
            return Document(catalog.Effective(resource, saved.Json), saved.Version);
        }, cancellationToken);
    }

    private static StrongBox<int> RollbackTarget(JsonElement root, int currentVersion, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("version", out var value) || !value.TryGetInt32(out var version) || version < 1 || version >= currentVersion)
        {
            errors["version"] = [currentVersion > 1
                ? string.Create(CultureInfo.InvariantCulture, $"A stored version from 1 to {currentVersion - 1} (the current one is {currentVersion}).")
                : "There is no earlier stored version to roll back to."];
            return new StrongBox<int>(0);
        }

        foreach (var property in root.EnumerateObject().Where(p => p.Name != "version"))
        {
            errors[property.Name] = ["Unknown field; the body is {\"version\": N}."];
        }

        return new StrongBox<int>(version);
    }

    private static int QueryVersion(HttpRequest request, string name, int fallback, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            errors[name] = ["A stored version number (1 or more)."];
        }

        return version;
    }

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
