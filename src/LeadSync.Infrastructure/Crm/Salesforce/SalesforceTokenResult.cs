namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>A token, or the status and reason the auth handler answers with instead of calling Salesforce.</summary>
internal sealed record SalesforceTokenResult(string? AccessToken, HttpStatusCode FailureStatus, string? FailureReason);
