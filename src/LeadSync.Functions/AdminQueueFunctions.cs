namespace LeadSync.Functions;

/// <summary>Admin: quarantined deliveries and CRM dead letters, listed and replayed (admin identity checked by the shared AdminGate).</summary>
public sealed class AdminQueueFunctions(AdminGate gate, QuarantineEndpoints quarantine, DeadLetterEndpoints deadLetters)
{
    [Function("admin-quarantine-list")]
    public Task<IActionResult> ListQuarantineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminQuarantine)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => quarantine.ListAsync(request, cancellationToken)).AsActionResult();

    [Function("admin-quarantine-replay")]
    public Task<IActionResult> ReplayQuarantineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminQuarantineReplay)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => quarantine.ReplayAsync(request, id, cancellationToken)).AsActionResult();

    [Function("admin-dead-letters-list")]
    public Task<IActionResult> ListDeadLettersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminDeadLetters)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => deadLetters.ListAsync(request, cancellationToken)).AsActionResult();

    [Function("admin-dead-letters-replay")]
    public Task<IActionResult> ReplayDeadLetterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminDeadLetterReplay)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => deadLetters.ReplayAsync(request, id, cancellationToken)).AsActionResult();

    [Function("admin-dead-letters-bulk-replay")]
    public Task<IActionResult> BulkReplayDeadLettersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminDeadLetterBulkReplay)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => deadLetters.BulkReplayAsync(request, cancellationToken)).AsActionResult();
}
