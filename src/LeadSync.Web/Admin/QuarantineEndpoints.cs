namespace LeadSync.Web.Admin;

/// <summary>Admin: list quarantined deliveries and replay one after the mapping is fixed.</summary>
public sealed class QuarantineEndpoints(IQuarantineStore quarantine, QuarantineReplay replay, AdminAudit audit, EndpointGuard guard)
{
    private const int PageSize = 200;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("quarantine list", async () =>
        {
            var items = await quarantine.ListAsync(PageSize, cancellationToken);
            return TypedResults.Ok(items.Select(View).ToList());
        });

    public Task<IResult> ReplayAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        guard.RunAsync("quarantine replay", () => audit.RecordAsync(request, AuditActions.QuarantineReplay, "quarantine " + id, async note =>
        {
            var result = await replay.ReplayAsync(id, cancellationToken);
            if (result.Item is { LeadIds.Count: > 0 } item)
            {
                note.Target = $"quarantine {id} → leads {string.Join(", ", item.LeadIds)}";
            }

            return result.Status switch
            {
                QuarantineReplayStatus.NotFound => Problem.NotFound("No quarantined delivery has this id."),
                QuarantineReplayStatus.StillRejected when result.Intake!.Rejection is { } rejection => Problem.From(rejection),
                _ => TypedResults.Ok(View(result.Item!)),
            };
        }, cancellationToken));

    private static QuarantineView View(QuarantineItem item) => new(
        item.Id, item.Source, item.ReceivedAt, item.Reason, item.Errors, item.ContentType,
        Encoding.UTF8.GetString(item.Body.AsSpan(0, Math.Min(item.Body.Length, 16 * 1024))), item.ReplayedAt, item.LeadIds);
}
