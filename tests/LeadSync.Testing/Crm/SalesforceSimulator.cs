using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// Salesforce REST as vendor/FACTS.md B1 describes it: client-credentials tokens from My Domain (no expiry in the
/// response, 401 INVALID_SESSION_ID once a session is gone), Lead upsert by external id (201 / 200 or 204 / 300 / 404),
/// sObject Collections upsert (≤ 200, per-record results in order), SOQL query, <c>Sforce-Limit-Info</c> on every REST
/// response and 403 REQUEST_LIMIT_EXCEEDED once the 24 h allocation is spent.
/// </summary>
public sealed partial class SalesforceSimulator : IAsyncDisposable
{
    public const string ClientId = "3MVG9-test-consumer-key";
    public const string ClientSecret = "test-consumer-secret";
    public const string ExternalIdField = "LeadSync_Id__c";
    public const string OwnerId = "005000000000001AAA";
    public const string QueueId = "00G000000000042AAA";
    public static readonly string[] Users = ["005000000000002AAA", "005000000000003AAA", "005000000000004AAA"];

    private readonly Lock _lock = new();
    private readonly HashSet<string> _validTokens = [];
    private readonly Dictionary<string, SalesforceLead> _byExternalId = new(StringComparer.Ordinal);
    private readonly List<(string WhoId, string Status, DateTimeOffset Created)> _tasks = [];
    private readonly List<(string WhoId, DateTimeOffset Start)> _events = [];
    private readonly Dictionary<string, List<JsonObject>> _cursors = new(StringComparer.Ordinal);
    private SimulatorHost? _host;
    private int _idSeq;

    public ScriptedFaults Faults { get; } = new();

    public Uri BaseUri => _host!.BaseUri;

    public long ApiMax { get; set; } = 100_000;

    public long ApiUsed { get; set; }

    public int TokensIssued { get; private set; }

    public int DataRequests { get; private set; }

    /// <summary>Older API versions answer an update with 204 and no body.</summary>
    public bool NoContentOnUpdate { get; set; }

    public bool TokenEndpointDown { get; set; }

    /// <summary>External ids that match two Leads (→ 300 Multiple Choices).</summary>
    public HashSet<string> Duplicated { get; } = [];

    public List<string> Soql { get; } = [];

    /// <summary>While true a <c>nextRecordsUrl</c> cursor is refused as expired (INVALID_QUERY_LOCATOR).</summary>
    public bool ExpireCursors { get; set; }

    /// <summary>Rows per query page (Salesforce's default batch is 2,000); the rest is behind <c>nextRecordsUrl</c>.</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>Owners a Lead may be given: active users and queues that support the Lead object.</summary>
    public HashSet<string> KnownOwners { get; } = [OwnerId, QueueId, .. Users];

    public static async Task<SalesforceSimulator> StartAsync()
    {
        var sim = new SalesforceSimulator();
        sim._host = await SimulatorHost.StartAsync(sim.Map);
        return sim;
    }

    public IReadOnlyDictionary<string, SalesforceLead> Leads
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, SalesforceLead>(_byExternalId);
            }
        }
    }

    public void ExpireAllSessions()
    {
        lock (_lock)
        {
            _validTokens.Clear();
        }
    }

    public void SetStatus(string externalId, string status, DateOnly? lastActivity = null, bool converted = false)
    {
        lock (_lock)
        {
            var lead = _byExternalId[externalId];
            lead.Fields["Status"] = status;
            lead.LastActivityDate = lastActivity;
            lead.IsConverted = converted;
        }
    }

    /// <summary>Logs a Task on the Lead (WhoId = the Lead's record id), as a rep would.</summary>
    public void AddTask(string externalId, string status, DateTimeOffset created)
    {
        lock (_lock)
        {
            _tasks.Add((_byExternalId[externalId].Id, status, created));
        }
    }

    /// <summary>Logs an Event (a meeting) on the Lead (WhoId = the Lead's record id), as a rep would.</summary>
    public void AddEvent(string externalId, DateTimeOffset start)
    {
        lock (_lock)
        {
            _events.Add((_byExternalId[externalId].Id, start));
        }
    }

    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Map(WebApplication app)
    {
        app.MapPost("/services/oauth2/token", Token);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/services/data"), branch => branch.Use(RestGateAsync));
        app.MapMethods("/services/data/v{version}/sobjects/Lead/{field}/{value}", ["PATCH"], UpsertOne);
        app.MapMethods("/services/data/v{version}/sobjects/Lead/{id}", ["PATCH"], Update);
        app.MapDelete("/services/data/v{version}/sobjects/Lead/{field}/{value}", DeleteByExternalId);
        app.MapMethods("/services/data/v{version}/composite/sobjects/Lead/{field}", ["PATCH"], UpsertCollection);
        app.MapGet("/services/data/v{version}/query", Query);
        app.MapGet("/services/data/v{version}/query/{cursor}", QueryMore);
        app.MapMethods("/services/data/v{version}/sobjects/Task/{field}/{value}", ["PATCH"], UpsertTask);
        app.MapPost("/services/data/v{version}/sobjects/CampaignMember", CreateCampaignMember);
    }

    public const string TouchExternalIdField = "LeadSync_Touch_Id__c";

    private readonly Dictionary<string, JsonObject> _touchTasks = new(StringComparer.Ordinal);
    private readonly HashSet<(string CampaignId, string LeadId)> _members = [];

    /// <summary>Tasks upserted by the touch external id (field value → the Task's fields).</summary>
    public IReadOnlyDictionary<string, JsonObject> TouchTasks
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, JsonObject>(_touchTasks, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyCollection<(string CampaignId, string LeadId)> CampaignMembers
    {
        get
        {
            lock (_lock)
            {
                return [.. _members];
            }
        }
    }

    /// <summary>Task upsert by external id: 201 the first time, 200 after (SF-TASK fields; Status is required).</summary>
    private async Task<IResult> UpsertTask(string field, string value, HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        if (field != TouchExternalIdField)
        {
            return Error(404, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {field}");
        }

        if (body is null || body["Status"] is null || body["WhoId"] is null)
        {
            return Error(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [Status, WhoId]");
        }

        lock (_lock)
        {
            var created = !_touchTasks.ContainsKey(value);
            _touchTasks[value] = body;
            return created
                ? Results.Json(new { id = "00T" + _touchTasks.Count.ToString("D15", System.Globalization.CultureInfo.InvariantCulture), success = true, errors = Array.Empty<object>() }, statusCode: 201)
                : Results.Json(new { id = "00T", success = true, errors = Array.Empty<object>(), created = false });
        }
    }

    /// <summary>CampaignMember create: a second one for the same campaign and lead is DUPLICATE_VALUE.</summary>
    private async Task<IResult> CreateCampaignMember(HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        var campaign = body?["CampaignId"]?.GetValue<string>();
        var lead = body?["LeadId"]?.GetValue<string>();
        if (campaign is null || lead is null)
        {
            return Error(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [CampaignId]");
        }

        lock (_lock)
        {
            return _members.Add((campaign, lead))
                ? Results.Json(new { id = "00v000000000001AAA", success = true, errors = Array.Empty<object>() }, statusCode: 201)
                : Error(400, "DUPLICATE_VALUE", "Already a campaign member.");
        }
    }

    /// <summary>DELETE by external id: 204, or 404 NOT_FOUND when no Lead has it (as Salesforce answers).</summary>
    private IResult DeleteByExternalId(string field, string value)
    {
        if (field != ExternalIdField)
        {
            return Results.Json(new[] { new { message = $"Provided external ID field does not exist or is not accessible: {field}", errorCode = "NOT_FOUND" } }, statusCode: 404);
        }

        lock (_lock)
        {
            return _byExternalId.Remove(value)
                ? Results.StatusCode(204)
                : Results.Json(new[] { new { message = "The requested resource does not exist", errorCode = "NOT_FOUND" } }, statusCode: 404);
        }
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        if (TokenEndpointDown)
        {
            return Results.StatusCode(503);
        }

        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new { error = "unsupported_grant_type", error_description = "grant type not supported" }, statusCode: 400);
        }

        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client", error_description = "invalid client credentials" }, statusCode: 400);
        }

        var sample = JsonNode.Parse(CrmSamples.Read("salesforce-oauth-client-credentials-token-response.json"))!.AsObject();
        var token = $"00DS7000000oxzo!{Guid.NewGuid():N}";
        lock (_lock)
        {
            _validTokens.Add(token);
            TokensIssued++;
        }

        sample["access_token"] = token;
        sample["instance_url"] = BaseUri.GetLeftPart(UriPartial.Authority);
        sample["issued_at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return Results.Json(sample);
    }

    /// <summary>Faults, session check, then the org's API allocation, in the order Salesforce applies them.</summary>
    private async Task RestGateAsync(HttpContext context, Func<Task> next)
    {
        lock (_lock)
        {
            DataRequests++;
        }

        var (handled, delayAfter) = await Faults.TryServeAsync(context, """[{"message":"Service Unavailable","errorCode":"SERVER_UNAVAILABLE"}]""");
        if (handled)
        {
            return;
        }

        var auth = context.Request.Headers.Authorization.ToString();
        bool valid;
        lock (_lock)
        {
            valid = auth.StartsWith("Bearer ", StringComparison.Ordinal) && _validTokens.Contains(auth["Bearer ".Length..]);
        }

        if (!valid)
        {
            await ScriptedFaults.WriteAsync(context, 401, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", []);
            return;
        }

        long used, max;
        lock (_lock)
        {
            used = ++ApiUsed;
            max = ApiMax;
        }

        context.Response.Headers["Sforce-Limit-Info"] = $"api-usage={Math.Min(used, max)}/{max}";
        if (used > max)
        {
            await ScriptedFaults.WriteAsync(context, 403, """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", []);
            return;
        }

        if (delayAfter is not { } delay)
        {
            await next();
            return;
        }

        // Processed, but the answer arrives too late: the client times out and retries the same upsert.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next();
        await Task.Delay(delay, context.RequestAborted);
        context.Response.Body = original;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task<IResult> UpsertOne(string field, string value, HttpRequest request)
    {
        if (field != ExternalIdField)
        {
            return Results.Text(CrmSamples.Read("salesforce-upsert-extid-field-not-found.json"), "application/json", statusCode: 404);
        }

        var body = await ReadObjectAsync(request);
        if (body is null || body.ContainsKey("Id"))
        {
            return Error(400, "JSON_PARSER_ERROR", "The request body is not a JSON object of Lead fields, or contains Id.");
        }

        if (Duplicated.Contains(value))
        {
            return Results.Json(new[] { $"/services/data/v62.0/sobjects/Lead/00Q0000000000A1", $"/services/data/v62.0/sobjects/Lead/00Q0000000000A2" }, statusCode: 300);
        }

        var (result, error) = Write(value, body);
        if (error is not null)
        {
            return Error(400, error.Value.Code, error.Value.Message);
        }

        return result!.Created ? Results.Json(new { id = result.Id, success = true, errors = Array.Empty<object>() }, statusCode: 201)
            : NoContentOnUpdate ? Results.NoContent()
            : Results.Json(new { id = result.Id, success = true, errors = Array.Empty<object>(), created = false });
    }

    private async Task<IResult> UpsertCollection(string field, HttpRequest request)
    {
        if (field != ExternalIdField)
        {
            return Results.Text(CrmSamples.Read("salesforce-upsert-extid-field-not-found.json"), "application/json", statusCode: 404);
        }

        var body = await ReadObjectAsync(request);
        if (body?["records"] is not JsonArray records || body["allOrNone"] is null)
        {
            return Error(400, "JSON_PARSER_ERROR", "Expected { allOrNone, records }.");
        }

        if (records.Count > 200)
        {
            return Error(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
        }

        foreach (var record in records)
        {
            if (record is not JsonObject r || r["attributes"]?["type"]?.GetValue<string>() != "Lead" || r.ContainsKey("Id")
                || r[ExternalIdField]?.GetValue<string>() is not { Length: > 0 })
            {
                return Error(400, "INVALID_INPUT", "Each record needs attributes.type Lead, the external id and no Id.");
            }
        }

        RecordCollection(records.Count);
        var results = new JsonArray();
        foreach (var record in records.Cast<JsonObject>())
        {
            var extId = record[ExternalIdField]!.GetValue<string>();
            var fields = new JsonObject();
            foreach (var (k, v) in record)
            {
                if (k is not "attributes" && k != ExternalIdField)
                {
                    fields[k] = v?.DeepClone();
                }
            }

            var (result, error) = Write(extId, fields);
            results.Add(error is { } e
                ? new JsonObject { ["id"] = null, ["success"] = false, ["errors"] = new JsonArray(new JsonObject { ["statusCode"] = e.Code, ["message"] = e.Message, ["fields"] = new JsonArray() }) }
                : new JsonObject { ["id"] = result!.Id, ["success"] = true, ["errors"] = new JsonArray(), ["created"] = result.Created });
        }

        return Results.Text(results.ToJsonString(), "application/json");
    }

    private async Task<IResult> Update(string id, HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        lock (_lock)
        {
            var lead = _byExternalId.Values.FirstOrDefault(l => l.Id == id);
            if (lead is null || body is null)
            {
                return Error(404, "NOT_FOUND", "The requested resource does not exist");
            }

            foreach (var (k, v) in body)
            {
                lead.Fields[k] = v?.GetValue<string>();
            }

            lead.Updates++;
            return Results.NoContent();
        }
    }

    private IResult Query(string q)
    {
        if (DirectoryQuery(q) is { } directory)
        {
            return directory;
        }

        if (TaskSoqlPattern().Match(q) is { Success: true } taskQuery)
        {
            return QueryTasks(q, taskQuery);
        }

        if (EventSoqlPattern().Match(q) is { Success: true } eventQuery)
        {
            return QueryEvents(q, eventQuery);
        }

        var match = SoqlPattern().Match(q);
        if (!match.Success || match.Groups["field"].Value != ExternalIdField)
        {
            return Error(400, "MALFORMED_QUERY", "unexpected SOQL");
        }

        lock (_lock)
        {
            Soql.Add(q);
        }

        var wanted = match.Groups["select"].Value.Split(',', StringSplitOptions.TrimEntries);
        var ids = QuotedPattern().Matches(match.Groups["values"].Value).Select(m => m.Groups[1].Value).ToHashSet();
        var records = new JsonArray();
        lock (_lock)
        {
            foreach (var lead in _byExternalId.Values.Where(l => ids.Contains(l.ExternalId)))
            {
                var record = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Lead", ["url"] = $"/services/data/v62.0/sobjects/Lead/{lead.Id}" } };
                foreach (var f in wanted)
                {
                    record[f] = f switch
                    {
                        "Id" => lead.Id,
                        "OwnerId" => lead.OwnerId,
                        "IsConverted" => lead.IsConverted,
                        "LastActivityDate" => lead.LastActivityDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ExternalIdField => lead.ExternalId,
                        _ => lead.Fields.GetValueOrDefault(f),
                    };
                }

                records.Add(record);
            }
        }

        return Results.Text(new JsonObject { ["totalSize"] = records.Count, ["done"] = true, ["records"] = records }.ToJsonString(), "application/json");
    }

    private IResult QueryTasks(string q, Match match)
    {
        var wanted = match.Groups["select"].Value.Split(',', StringSplitOptions.TrimEntries);
        if (wanted.Any(f => f is not ("WhoId" or "Status" or "CreatedDate" or "Id")))
        {
            return Error(400, "INVALID_FIELD", "No such column on entity 'Task'.");
        }

        var ids = QuotedPattern().Matches(match.Groups["values"].Value).Select(m => m.Groups[1].Value).ToHashSet();
        List<JsonObject> rows;
        lock (_lock)
        {
            Soql.Add(q);
            rows = [.. _tasks.Where(t => ids.Contains(t.WhoId)).Select(t => new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Task" },
                ["WhoId"] = t.WhoId,
                ["Status"] = t.Status,
                ["CreatedDate"] = t.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
            })];
        }

        return Page(rows, rows.Count);
    }

    /// <summary>Event rows by WhoId (SF Event: <c>StartDateTime</c> is a datetime, same wire format as CreatedDate).</summary>
    private IResult QueryEvents(string q, Match match)
    {
        var wanted = match.Groups["select"].Value.Split(',', StringSplitOptions.TrimEntries);
        if (wanted.Any(f => f is not ("WhoId" or "StartDateTime" or "Id")))
        {
            return Error(400, "INVALID_FIELD", "No such column on entity 'Event'.");
        }

        var ids = QuotedPattern().Matches(match.Groups["values"].Value).Select(m => m.Groups[1].Value).ToHashSet();
        List<JsonObject> rows;
        lock (_lock)
        {
            Soql.Add(q);
            rows = [.. _events.Where(e => ids.Contains(e.WhoId)).Select(e => new JsonObject
            {
                ["attributes"] = new JsonObject { ["type"] = "Event" },
                ["WhoId"] = e.WhoId,
                ["StartDateTime"] = e.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
            })];
        }

        return Page(rows, rows.Count);
    }

    private IResult QueryMore(string cursor)
    {
        List<JsonObject>? rest;
        lock (_lock)
        {
            _cursors.Remove(cursor, out rest);
            rest = ExpireCursors ? null : rest;
        }

        return rest is null ? Error(400, "INVALID_QUERY_LOCATOR", "invalid query locator") : Page(rest, int.Parse(cursor.Split('-')[^1], CultureInfo.InvariantCulture) + rest.Count);
    }

    private IResult Page(List<JsonObject> rows, int totalSize)
    {
        var page = new JsonObject { ["totalSize"] = totalSize, ["done"] = rows.Count <= PageSize, ["records"] = new JsonArray([.. rows.Take(PageSize)]) };
        if (rows.Count > PageSize)
        {
            var cursor = $"01g{Guid.NewGuid():N}-{totalSize - rows.Count + PageSize}";
            lock (_lock)
            {
                _cursors[cursor] = rows[PageSize..];
            }

            page["nextRecordsUrl"] = $"/services/data/v62.0/query/{cursor}";
        }

        return Results.Text(page.ToJsonString(), "application/json");
    }

    private (SalesforceLead? Result, (string Code, string Message)? Error) Write(string externalId, JsonObject fields)
    {
        lock (_lock)
        {
            var exists = _byExternalId.TryGetValue(externalId, out var lead);
            if (!exists && (!HasValue(fields, "LastName") || !HasValue(fields, "Company")))
            {
                return (null, ("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName, Company]"));
            }

            if (fields["Email"] is JsonValue email && !email.ToString().Contains('@', StringComparison.Ordinal))
            {
                return (null, ("INVALID_EMAIL_ADDRESS", "Email: invalid email address"));
            }

            if (fields["OwnerId"] is JsonValue owner && !KnownOwners.Contains(owner.ToString()))
            {
                return (null, ("INVALID_CROSS_REFERENCE_KEY", $"Owner ID: id value of incorrect type: {owner}"));
            }

            if (lead is null)
            {
                lead = new SalesforceLead($"00Q5g00000{++_idSeq:D8}", externalId, OwnerId) { Created = true, Creates = 1 };
                lead.Fields["Status"] = "Open - Not Contacted";
                _byExternalId[externalId] = lead;
            }
            else
            {
                lead.Created = false;
                lead.Updates++;
            }

            foreach (var (k, v) in fields)
            {
                if (k == "OwnerId")
                {
                    lead.OwnerChanges += lead.OwnerId == v!.ToString() ? 0 : 1;
                    lead.OwnerId = v!.ToString();
                    continue;
                }

                lead.Fields[k] = v?.ToString();
            }

            return (lead, null);
        }
    }

    private static bool HasValue(JsonObject o, string name) => o[name] is JsonValue v && v.ToString().Length > 0;

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonObject>(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new[] { new { message, errorCode = code, fields = Array.Empty<string>() } }, statusCode: status);

    [GeneratedRegex(@"^SELECT (?<select>.+) FROM Lead WHERE (?<field>\w+) IN \((?<values>.*)\)$")]
    private static partial Regex SoqlPattern();

    [GeneratedRegex(@"^SELECT (?<select>.+) FROM Task WHERE WhoId IN \((?<values>.*)\)$")]
    private static partial Regex TaskSoqlPattern();

    [GeneratedRegex(@"^SELECT (?<select>.+) FROM Event WHERE WhoId IN \((?<values>.*)\)$")]
    private static partial Regex EventSoqlPattern();

    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'")]
    private static partial Regex QuotedPattern();
}
