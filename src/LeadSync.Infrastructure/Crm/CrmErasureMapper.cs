namespace LeadSync.Infrastructure.Crm;

/// <summary>Turns a CRM or nurture deletion response into a <see cref="TargetErasure"/>: 404 = nothing to delete, transient and quota failures are retried.</summary>
public static class CrmErasureMapper
{
    public static TargetErasure From(string target, IApiResponse response, CrmOutcome outcome)
    {
        if (response.IsReceived && response.StatusCode == HttpStatusCode.NotFound)
        {
            return TargetErasure.NotFound(target);
        }

        return outcome.Succeeded
            ? TargetErasure.Erased(target)
            : TargetErasure.Failure(target, outcome.Kind is CrmOutcomeKind.Transient or CrmOutcomeKind.QuotaExhausted, outcome.Reason ?? "Deletion failed.");
    }
}
