namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary><c>BatchInputSimplePublicObjectBatchInputUpsert</c>.</summary>
internal sealed record HubSpotUpsertBatch([property: JsonPropertyName("inputs")] IReadOnlyList<HubSpotUpsertInput> Inputs);

/// <summary><c>SimplePublicObjectBatchInputUpsert</c>: <c>id</c> is the e-mail when <c>idProperty</c> is "email".</summary>
internal sealed record HubSpotUpsertInput(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("idProperty")] string IdProperty,
    [property: JsonPropertyName("objectWriteTraceId")] string ObjectWriteTraceId,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties);

/// <summary><c>BatchReadInputSimplePublicObjectId</c>; the spec requires <c>propertiesWithHistory</c> even when empty.</summary>
internal sealed record HubSpotReadBatch(
    [property: JsonPropertyName("inputs")] IReadOnlyList<HubSpotObjectId> Inputs,
    [property: JsonPropertyName("properties")] IReadOnlyList<string> Properties,
    [property: JsonPropertyName("propertiesWithHistory")] IReadOnlyList<string> PropertiesWithHistory,
    [property: JsonPropertyName("idProperty"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdProperty);

internal sealed record HubSpotObjectId([property: JsonPropertyName("id")] string Id);

/// <summary><c>SimplePublicObjectInput</c>.</summary>
internal sealed record HubSpotPropertiesInput([property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties);

/// <summary>Batch response (200 or 207): results plus per-record errors.</summary>
internal sealed record HubSpotBatchResponse(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("results")] IReadOnlyList<HubSpotObject>? Results,
    [property: JsonPropertyName("errors")] IReadOnlyList<HubSpotError>? Errors,
    [property: JsonPropertyName("numErrors")] int? NumErrors);

internal sealed record HubSpotObject(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string?>? Properties,
    [property: JsonPropertyName("objectWriteTraceId")] string? ObjectWriteTraceId,
    [property: JsonPropertyName("new")] bool? New);

internal sealed record HubSpotError(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("context")] IReadOnlyDictionary<string, IReadOnlyList<string>>? Context);

/// <summary><c>BatchInputPublicFetchAssociationsBatchRequest</c>.</summary>
internal sealed record HubSpotAssociationBatchRead([property: JsonPropertyName("inputs")] IReadOnlyList<HubSpotAssociationInput> Inputs);

/// <summary><c>PublicFetchAssociationsBatchRequest</c>: the contact id and, for a further page, the cursor.</summary>
internal sealed record HubSpotAssociationInput(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("after"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? After = null);

/// <summary><c>BatchResponsePublicAssociationMultiWithLabel</c> (200, or 207 with errors for contacts without any).</summary>
internal sealed record HubSpotAssociationBatchResponse(
    [property: JsonPropertyName("results")] IReadOnlyList<HubSpotAssociationResult>? Results,
    [property: JsonPropertyName("errors")] IReadOnlyList<HubSpotError>? Errors);

/// <summary><c>PublicAssociationMultiWithLabel</c>.</summary>
internal sealed record HubSpotAssociationResult(
    [property: JsonPropertyName("from")] HubSpotObjectId? From,
    [property: JsonPropertyName("to")] IReadOnlyList<HubSpotAssociatedObject>? To,
    [property: JsonPropertyName("paging")] HubSpotPaging? Paging);

/// <summary>The spec types <c>toObjectId</c> as a string; HubSpot sends a number: both are read.</summary>
internal sealed record HubSpotAssociatedObject([property: JsonPropertyName("toObjectId")] System.Text.Json.JsonElement ToObjectId)
{
    public string? Id => ToObjectId.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Number => ToObjectId.GetRawText(),
        System.Text.Json.JsonValueKind.String => ToObjectId.GetString(),
        _ => null,
    };
}

internal sealed record HubSpotPaging([property: JsonPropertyName("next")] HubSpotNextPage? Next);

internal sealed record HubSpotNextPage([property: JsonPropertyName("after")] string? After);
