namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>One Marketo error (HTTP 200 with <c>success: false</c>).</summary>
public sealed record MarketoError([property: JsonPropertyName("code")] string? Code, [property: JsonPropertyName("message")] string? Message);
