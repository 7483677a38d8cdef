namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>The envelope of every Marketo REST answer.</summary>
public sealed record MarketoResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errors")] IReadOnlyList<MarketoError>? Errors,
    [property: JsonPropertyName("result")] IReadOnlyList<MarketoRecord>? Result);
