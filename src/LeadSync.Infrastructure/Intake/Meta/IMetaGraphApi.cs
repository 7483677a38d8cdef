namespace LeadSync.Infrastructure.Intake.Meta;

/// <summary>The slice of the Meta Graph API the intake reads: one lead-ads lead by <c>leadgen_id</c>.</summary>
public interface IMetaGraphApi
{
    [Get("/v{version}/{leadgenId}")]
    Task<IApiResponse<MetaLead>> GetLeadAsync(
        string version,
        string leadgenId,
        [AliasAs("access_token")] string accessToken,
        [AliasAs("appsecret_proof")] string appSecretProof,
        CancellationToken cancellationToken);
}
