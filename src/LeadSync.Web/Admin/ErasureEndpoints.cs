namespace LeadSync.Web.Admin;

/// <summary>
/// <c>POST /api/admin/erasure</c> with <c>{"email": "…"}</c> or <c>{"leadId": "…"}</c> (and an optional <c>reason</c>):
/// erases the subject's personal data everywhere LeadSync stores it and asks the CRM and nurture tool to delete theirs
/// (<see cref="LeadErasure"/>). Audited with the admin's identity; idempotent (a repeat answers the same record). An
/// unknown subject answers 200 with <c>found: false</c> (nothing erased).
/// </summary>
public sealed class ErasureEndpoints(LeadErasure erasure, AdminAudit audit, EndpointGuard guard)
{
    public const int MaxBodyBytes = 4096;
    public const int MaxReasonLength = 500;
    private const string DefaultReason = "Data-subject erasure request.";

    public Task<IResult> EraseAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("erasure", async () =>
        {
            var actor = AdminGate.ActorOf(request);

            var body = await RequestReader.ReadBodyAsync(request, MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return Problem.Of(ProblemTypes.PayloadTooLarge, $"An erasure request is at most {MaxBodyBytes} bytes.");
            }

            var (parsed, problem) = Parse(body, actor);
            if (problem is not null)
            {
                return problem;
            }

            // A valid request is carried out inside its audit entry, which names lead ids only: never the e-mail address (nor its hash).
            return await audit.RecordAsync(request, AuditActions.Erasure, parsed!.LeadId is { } given ? "lead " + given : "subject by e-mail", async note =>
            {
                var record = await erasure.RequestAsync(parsed, cancellationToken);
                note.Target = record.LeadIds.Count > 0 ? "leads " + string.Join(", ", record.LeadIds) : "no lead found";
                note.Outcome = record.IsPending ? "pending (a target's deletion is retried)" : "completed";
                return TypedResults.Ok(View(record));
            }, cancellationToken);
        });

    private static (ErasureRequest? Request, IResult? Problem) Parse(byte[] body, string actor)
    {
        const string Shape = "The body must be a JSON object: {\"email\": \"…\"} or {\"leadId\": \"…\"}.";
        return JsonObjectBody.Parse(body, Shape, Shape, (root, errors) => Read(root, errors, actor));
    }

    private static ErasureRequest Read(JsonElement root, Dictionary<string, string[]> errors, string actor)
    {
        var email = Text(root, "email", errors);
        var leadId = Text(root, "leadId", errors);
        var reason = Text(root, "reason", errors);
        if (email is not null && (email.Length > 254 || email.Trim().IndexOf('@', StringComparison.Ordinal) is < 1 || email.Trim().EndsWith('@') || email.Any(char.IsControl)))
        {
            errors["email"] = ["Not an e-mail address."];
        }

        if (leadId is not null && !LeadIdFactory.IsWellFormed(leadId))
        {
            errors["leadId"] = ["Not a lead id (ld_ followed by 24 characters)."];
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"At most {MaxReasonLength} characters."];
        }

        if (errors.Count == 0 && (email is null) == (leadId is null))
        {
            errors[email is null ? "email" : "leadId"] = ["Give exactly one of email or leadId."];
        }

        return new ErasureRequest(email?.Trim(), leadId, actor, string.IsNullOrWhiteSpace(reason) ? DefaultReason : reason.Trim());
    }

    private static string? Text(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors[name] = ["Must be a non-empty string."];
            return null;
        }

        return value.GetString();
    }

    public static ErasureView View(ErasureRecord record)
    {
        return new ErasureView(
            record.Subject,
            record.LeadIds.Count > 0 || record.Erased.Count > 0,
            record.IsPending ? "pending" : "completed",
            record.LeadIds,
            record.Erased,
            [.. record.Targets.Select(t => new ErasureTargetView(t.Target, t.LeadId, Status(t.Status), t.Detail, t.Attempts, t.UpdatedAt))],
            record.FirstRequestedBy,
            record.FirstRequestedAt,
            record.LastRequestedBy,
            record.LastRequestedAt,
            record.Requests);
    }

    private static string Status(ErasureStatus status) => status switch
    {
        ErasureStatus.Erased => "erased",
        ErasureStatus.NotFound => "not-found",
        ErasureStatus.Unsupported => "unsupported",
        ErasureStatus.Pending => "pending",
        _ => "failed",
    };
}
