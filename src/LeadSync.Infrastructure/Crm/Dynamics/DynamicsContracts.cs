namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The lead columns LeadSync reads back (<c>Prefer: return=representation</c> or a query).</summary>
internal sealed record DynamicsLead(
    [property: JsonPropertyName("leadid")] string? LeadId,
    [property: JsonPropertyName("_ownerid_value")] string? OwnerId,
    [property: JsonPropertyName("statecode")] int? StateCode,
    [property: JsonPropertyName("statuscode")] int? StatusCode)
{
    /// <summary>The alternate-key column, whose name is configured.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}

internal sealed record DynamicsCollection<T>(
    [property: JsonPropertyName("value")] IReadOnlyList<T>? Value,
    [property: JsonPropertyName("@odata.nextLink")] string? NextLink = null);
