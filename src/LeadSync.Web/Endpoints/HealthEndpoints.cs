namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET /api/health</c>: 200 with storage and each CRM connection (<c>healthy</c> / <c>degraded</c> /
/// <c>paused</c>), also while a CRM is degraded or paused; 503 problem only when storage is unreachable. A 200 is also
/// <c>degraded</c> (with the setting names in <c>unresolvedSettings</c>) while a Key Vault reference is unresolved.
/// The whole answer — the storage probe and the CRM connection's stored state — is bounded by the storage network
/// time-out: storage that stalls makes health answer 503 in time, never hang until storage is back.
/// </summary>
public sealed class HealthEndpoints(
    StorageHealth health,
    UnresolvedSecretSettings unresolved,
    CrmHealthReader crm,
    IOptions<StorageOptions> storage,
    TimeProvider time)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(storage.Value.NetworkTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (!await health.IsReachableAsync(bounded.Token))
            {
                return Unreachable();
            }

            var connection = await crm.ReadAsync(bounded.Token);
            var healthy = connection.State == "healthy" && unresolved.Keys.Count == 0;
            return TypedResults.Ok(new HealthReport(healthy ? "healthy" : "degraded", "reachable", unresolved.Keys) { Crm = [connection] });
        }
        catch (StorageUnavailableException)
        {
            return Unreachable();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Unreachable();
        }
    }

    private static IResult Unreachable() => Problem.Of(ProblemTypes.StorageUnavailable, "Storage is unreachable.");
}
