namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>One per-record result: the lead id and whether it was created, updated, added or skipped.</summary>
public sealed record MarketoRecord(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("reasons")] IReadOnlyList<MarketoError>? Reasons);
