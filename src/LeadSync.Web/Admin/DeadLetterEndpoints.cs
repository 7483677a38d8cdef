namespace LeadSync.Web.Admin;

/// <summary>
/// Admin: list CRM dead letters and replay one, or many at once (by reason, time range or all), after the cause is
/// fixed. The admin's identity (key fingerprint or Entra principal) goes on each replayed lead's timeline.
/// </summary>
public sealed class DeadLetterEndpoints(IDeadLetterStore deadLetters, DeadLetterReplay replay, DeadLetterBulkReplay bulkReplay, AdminAudit audit, EndpointGuard guard)
{
    private const int PageSize = 200;
    private const int MaxFilterBytes = 4096;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("dead-letter list", async () =>
            TypedResults.Ok(await deadLetters.ListAsync(PageSize, cancellationToken)));

    public Task<IResult> ReplayAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        guard.RunAsync("dead-letter replay", () => audit.RecordAsync(request, AuditActions.DeadLetterReplay, "dead letter " + id, async note =>
        {
            var actor = AdminGate.ActorOf(request);

            var replayed = await replay.ReplayAsync(id, actor, cancellationToken);
            if (replayed is not null)
            {
                note.Target = $"dead letter {id} → lead {replayed.LeadId}";
            }

            return replayed is null ? Problem.NotFound("No dead letter has this id.") : TypedResults.Ok(replayed);
        }, cancellationToken));

    /// <summary>
    /// <c>POST /api/admin/dead-letters/replay</c> with <c>{"reason": "...", "from": "...", "to": "..."}</c> (any of
    /// them) or <c>{"all": true}</c>: replays up to <see cref="DeadLetterBulkReplay.MaxPerRequest"/> matching dead
    /// letters, oldest first; <c>more: true</c> says to call again.
    /// </summary>
    public Task<IResult> BulkReplayAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("dead-letter bulk replay", async () =>
        {
            var actor = AdminGate.ActorOf(request);

            var body = await RequestReader.ReadBodyAsync(request, MaxFilterBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"A replay filter is at most {MaxFilterBytes} bytes.");
            }

            var (filter, problem) = ParseFilter(body);
            if (problem is not null)
            {
                return problem;
            }

            // A valid filter is replayed inside its audit entry.
            return await audit.RecordAsync(request, AuditActions.DeadLetterBulkReplay, "dead letters " + Describe(filter!), async note =>
            {
                var result = await bulkReplay.ReplayAsync(filter!, actor, cancellationToken);
                note.Outcome = string.Create(CultureInfo.InvariantCulture, $"replayed {result.Replayed}{(result.More ? ", more to replay" : string.Empty)}");
                return TypedResults.Ok(result);
            }, cancellationToken);
        });

    /// <summary>The filter for the audit log: the time range and whether a reason was given (its text is the admin's, so it stays out).</summary>
    private static string Describe(DeadLetterFilter filter) => filter.All && filter.Reason is null && filter.From is null && filter.To is null
        ? "(all)"
        : string.Create(CultureInfo.InvariantCulture,
            $"({(filter.Reason is null ? "any reason" : "reason filter")}, from {filter.From?.ToString("O", CultureInfo.InvariantCulture) ?? "-"}, to {filter.To?.ToString("O", CultureInfo.InvariantCulture) ?? "-"})");

    private static (DeadLetterFilter? Filter, IResult? Problem) ParseFilter(byte[] body) =>
        JsonObjectBody.Parse(
            body,
            "The body is not valid JSON.",
            "The body must be a JSON object: {\"reason\", \"from\", \"to\"} or {\"all\": true}.",
            ReadFilter);

    private static DeadLetterFilter ReadFilter(JsonElement root, Dictionary<string, string[]> errors)
    {
        string? reason = null;
        DateTimeOffset? from = null, to = null;
        var all = false;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "reason" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length <= 500:
                    reason = property.Value.GetString();
                    break;
                case "reason":
                    errors["reason"] = ["A text of at most 500 characters, matched case-insensitively inside each dead letter's reason."];
                    break;
                case "from" or "to" when property.Value.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(property.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                    if (property.Name == "from")
                    {
                        from = at;
                    }
                    else
                    {
                        to = at;
                    }

                    break;
                case "from" or "to":
                    errors[property.Name] = ["An ISO 8601 date and time, e.g. 2026-12-06T08:00:00Z."];
                    break;
                case "all" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    all = property.Value.GetBoolean();
                    break;
                case "all":
                    errors["all"] = ["true or false."];
                    break;
                default:
                    errors[property.Name] = ["Unknown field; use reason, from, to or all."];
                    break;
            }
        }

        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["Must be after from."];
        }

        var filter = new DeadLetterFilter(reason, from, to, all);
        if (errors.Count == 0 && filter.IsEmpty)
        {
            errors["all"] = ["Give a reason, a time range, or \"all\": true to replay every dead letter."];
        }

        return filter;
    }
}
