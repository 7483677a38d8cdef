namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The <c>activitypointer</c> columns LeadSync reads to count contact attempts on a lead.</summary>
internal sealed record DynamicsActivity(
    [property: JsonPropertyName("activityid")] string? ActivityId,
    [property: JsonPropertyName("activitytypecode")] string? TypeCode,
    [property: JsonPropertyName("statecode")] int? StateCode,
    [property: JsonPropertyName("actualend")] DateTimeOffset? ActualEnd,
    [property: JsonPropertyName("createdon")] DateTimeOffset? CreatedOn,
    [property: JsonPropertyName("_regardingobjectid_value")] string? RegardingId);
