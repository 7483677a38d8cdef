namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>
/// The slice of the LinkedIn Lead Sync API (Marketing, versioned <c>/rest</c>) the intake reads: one form response by
/// id and the form it answers. Headers (<c>LinkedIn-Version</c>, <c>X-Restli-Protocol-Version</c>, bearer token) are
/// added by <see cref="LinkedInHeadersHandler"/>.
/// </summary>
public interface ILinkedInLeadSyncApi
{
    [Get("/rest/leadFormResponses/{responseId}")]
    Task<IApiResponse<LinkedInFormResponse>> GetFormResponseAsync(string responseId, CancellationToken cancellationToken);

    [Get("/rest/leadForms/{formId}")]
    Task<IApiResponse<LinkedInLeadForm>> GetFormAsync(string formId, CancellationToken cancellationToken);
}
