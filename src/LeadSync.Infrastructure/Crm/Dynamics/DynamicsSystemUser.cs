namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The <c>systemuser</c> columns the directory sync reads.</summary>
internal sealed record DynamicsSystemUser(
    [property: JsonPropertyName("systemuserid")] string? SystemUserId,
    [property: JsonPropertyName("fullname")] string? FullName,
    [property: JsonPropertyName("internalemailaddress")] string? Email,
    [property: JsonPropertyName("isdisabled")] bool? IsDisabled,
    [property: JsonPropertyName("_parentsystemuserid_value")] string? ManagerId);
