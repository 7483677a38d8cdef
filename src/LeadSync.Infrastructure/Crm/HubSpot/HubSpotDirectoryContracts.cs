namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary><c>CollectionResponsePublicOwnerForwardPaging</c> (owners v3).</summary>
internal sealed record HubSpotOwnersPage(
    [property: JsonPropertyName("results")] IReadOnlyList<HubSpotOwner>? Results,
    [property: JsonPropertyName("paging")] HubSpotPaging? Paging);

/// <summary><c>PublicOwner</c>: a user (<c>PERSON</c>) or a queue; <c>teams</c> with their primary flag.</summary>
internal sealed record HubSpotOwner(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("firstName")] string? FirstName,
    [property: JsonPropertyName("lastName")] string? LastName,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("teams")] IReadOnlyList<HubSpotOwnerTeam>? Teams);

/// <summary><c>PublicTeam</c>.</summary>
internal sealed record HubSpotOwnerTeam(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("primary")] bool Primary);

/// <summary><c>PublicObjectSearchRequest</c>: one filter group of equality filters.</summary>
internal sealed record HubSpotSearchRequest(
    [property: JsonPropertyName("filterGroups")] IReadOnlyList<HubSpotFilterGroup> FilterGroups,
    [property: JsonPropertyName("properties")] IReadOnlyList<string> Properties,
    [property: JsonPropertyName("limit")] int Limit);

internal sealed record HubSpotFilterGroup([property: JsonPropertyName("filters")] IReadOnlyList<HubSpotFilter> Filters);

internal sealed record HubSpotFilter(
    [property: JsonPropertyName("propertyName")] string PropertyName,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("value")] string Value);

/// <summary><c>CollectionResponseWithTotalSimplePublicObjectForwardPaging</c>.</summary>
internal sealed record HubSpotSearchResponse(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("results")] IReadOnlyList<HubSpotObject>? Results);
