namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>A lead (<c>leadFormResponses/{id}</c>): <c>{ id, submittedAt, testLead, versionedLeadGenFormUrn, formResponse: { answers[] } }</c>.</summary>
public sealed record LinkedInFormResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("submittedAt")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? SubmittedAt { get; init; }

    [JsonPropertyName("testLead")]
    public bool? TestLead { get; init; }

    [JsonPropertyName("versionedLeadGenFormUrn")]
    public string? VersionedLeadGenFormUrn { get; init; }

    [JsonPropertyName("formResponse")]
    public LinkedInFormAnswers? FormResponse { get; init; }
}
