using System.Text.Json.Serialization;

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
