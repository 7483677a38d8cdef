namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The <c>account</c> columns the account match reads.</summary>
internal sealed record DynamicsAccount(
    [property: JsonPropertyName("accountid")] string? AccountId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("websiteurl")] string? WebsiteUrl,
    [property: JsonPropertyName("_ownerid_value")] string? OwnerId);
