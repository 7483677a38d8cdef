namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>Client-credentials token response (no refresh token, no expiry).</summary>
internal sealed record SalesforceToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("instance_url")] string? InstanceUrl,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("issued_at")] string? IssuedAt);

/// <summary>Upsert result: single upsert body (201/200) and each sObject Collections entry.</summary>
internal sealed record SalesforceSaveResult(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("created")] bool? Created,
    [property: JsonPropertyName("errors")] IReadOnlyList<SalesforceRecordError>? Errors);

/// <summary>Per-record error; collections use <c>statusCode</c>, single calls <c>errorCode</c>.</summary>
internal sealed record SalesforceRecordError(
    [property: JsonPropertyName("statusCode")] string? StatusCode,
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("fields")] IReadOnlyList<string>? Fields)
{
    public string? Code => StatusCode ?? ErrorCode;
}

/// <summary><c>PATCH /composite/sobjects/Lead/{ExternalIdField}</c> body; each record carries <c>attributes.type</c>.</summary>
internal sealed record SalesforceCollectionRequest(
    [property: JsonPropertyName("allOrNone")] bool AllOrNone,
    [property: JsonPropertyName("records")] IReadOnlyList<Dictionary<string, object>> Records);

/// <summary>SOQL query page; records are dictionaries because the external-id field name is configured.</summary>
internal sealed record SalesforceQueryResult(
    [property: JsonPropertyName("totalSize")] int TotalSize,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("nextRecordsUrl")] string? NextRecordsUrl,
    [property: JsonPropertyName("records")] IReadOnlyList<Dictionary<string, JsonElement>>? Records);
