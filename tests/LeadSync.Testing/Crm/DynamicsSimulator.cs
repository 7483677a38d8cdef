using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// Dataverse Web API for the lead table as vendor/FACTS.md B3 describes it: upsert by alternate key
/// (<c>PATCH leads(key='v')</c>), <c>If-Match: *</c> → 404 when missing, <c>If-None-Match: *</c> → 412 when present,
/// 204 or (with <c>Prefer: return=representation</c>) 201/200 with the row, error body <c>{"error":{code,message}}</c>,
/// statecode only with statuscode, and service protection as 429 + Retry-After (seconds).
/// </summary>
public sealed partial class DynamicsSimulator : IAsyncDisposable
{
    public const string KeyAttribute = "new_leadsyncid";
    public static readonly Guid OwnerId = Guid.Parse("8d7b3c1a-0000-4000-8000-00000000a11e");
    public static readonly Guid TeamId = Guid.Parse("7e000000-0000-4000-8000-0000000007ea");
    public static readonly Guid[] Users = [Guid.Parse("5a000000-0000-4000-8000-000000000001"), Guid.Parse("5a000000-0000-4000-8000-000000000002"), Guid.Parse("5a000000-0000-4000-8000-000000000003")];

    private static readonly HashSet<string> Columns =
    [
        "emailaddress1", "firstname", "lastname", "companyname", "telephone1", "jobtitle", "address1_country", "subject",
        "leadsourcecode", "statecode", "statuscode", KeyAttribute, "ownerid@odata.bind",
    ];

    private readonly Lock _lock = new();
    private readonly HashSet<string> _tokens = [];
    private readonly Dictionary<string, DataverseLead> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly List<(Guid Regarding, string Type, int State, DateTimeOffset? ActualEnd, DateTimeOffset CreatedOn)> _activities = [];
    private SimulatorHost? _host;

    public ScriptedFaults Faults { get; } = new();

    public Uri BaseUri => _host!.BaseUri;

    /// <summary>Service protection: requests per <see cref="LimitWindow"/> per user (Dataverse default 6,000 / 300 s).</summary>
    public int RequestLimit { get; set; } = 6000;

    public TimeSpan LimitWindow { get; set; } = TimeSpan.FromSeconds(300);

    public int Requests { get; private set; }

    public int Throttled { get; private set; }

    /// <summary>Arrival time of every request that reached service protection.</summary>
    public List<DateTimeOffset> Arrivals { get; } = [];

    public int Unauthorized { get; private set; }

    /// <summary>Teams and users that exist in the environment (an owner bound to anything else does not exist).</summary>
    public HashSet<Guid> Teams { get; } = [TeamId];

    public HashSet<Guid> SystemUsers { get; } = [OwnerId, .. Users];

    /// <summary>While true <c>activitypointers</c> answers 503 (the lead table still works).</summary>
    public bool ActivitiesDown { get; set; }

    /// <summary>Rows per <c>activitypointers</c> page (Dataverse's default is 5,000); the rest is behind <c>@odata.nextLink</c>.</summary>
    public int ActivityPageSize { get; set; } = 5000;

    /// <summary>The <c>$skiptoken</c> of every further page asked for.</summary>
    public List<string> ActivitySkipTokens { get; } = [];

    /// <summary>Every <c>$filter</c> sent to <c>activitypointers</c>.</summary>
    public List<string> ActivityFilters { get; } = [];

    public static async Task<DynamicsSimulator> StartAsync()
    {
        var sim = new DynamicsSimulator();
        sim._host = await SimulatorHost.StartAsync(app => app.Run(sim.HandleAsync));
        return sim;
    }

    public IReadOnlyDictionary<string, DataverseLead> Leads
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, DataverseLead>(_byKey);
            }
        }
    }

    public void AcceptToken(string token)
    {
        lock (_lock)
        {
            _tokens.Add(token);
        }
    }

    public void RevokeAllTokens()
    {
        lock (_lock)
        {
            _tokens.Clear();
        }
    }

    public void SetState(string key, int stateCode, int statusCode)
    {
        lock (_lock)
        {
            _byKey[key].StateCode = stateCode;
            _byKey[key].StatusCode = statusCode;
        }
    }

    /// <summary>Records an activity regarding the lead (statecode 0 open, 1 completed, 2 canceled).</summary>
    public void AddActivity(string key, string type, int stateCode, DateTimeOffset? actualEnd, DateTimeOffset? createdOn = null)
    {
        lock (_lock)
        {
            _activities.Add((_byKey[key].Id, type, stateCode, actualEnd, createdOn ?? actualEnd ?? DateTimeOffset.UtcNow));
        }
    }

    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        lock (_lock)
        {
            Requests++;
        }

        var (handled, _) = await Faults.TryServeAsync(context, """{"error":{"code":"","message":"Service Unavailable"}}""");
        if (handled)
        {
            return;
        }

        if (!Authorized(context))
        {
            lock (_lock)
            {
                Unauthorized++;
            }

            context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize";
            context.Response.StatusCode = 401;
            return;
        }

        if (ServiceProtection() is { } retryAfter)
        {
            await ScriptedFaults.WriteAsync(context, 429,
                """{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit of 6000 over time window of 300 seconds."}}""",
                [("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            return;
        }

        if (await TryServeDirectoryAsync(context))
        {
            return;
        }

        if (context.Request.Path.Value == "/api/data/v9.2/activitypointers" && context.Request.Method == "GET")
        {
            await QueryActivitiesAsync(context);
            return;
        }

        if (AnnotationPattern().Match(context.Request.Path.Value ?? "") is { Success: true } annotation && context.Request.Method == "PATCH")
        {
            await CreateAnnotationAsync(context, Guid.Parse(annotation.Groups["id"].Value));
            return;
        }

        var match = PathPattern().Match(context.Request.Path.Value ?? "");
        if (!match.Success)
        {
            await Error(context, 404, "0x80060888", "Resource not found for the segment.");
            return;
        }

        var key = match.Groups["key"];
        var method = context.Request.Method;
        if (!key.Success && method == "GET")
        {
            await QueryAsync(context);
        }
        else if (key.Success && method == "PATCH")
        {
            await PatchAsync(context, key.Value);
        }
        else if (key.Success && method == "GET")
        {
            await GetAsync(context, key.Value);
        }
        else if (key.Success && method == "DELETE")
        {
            await DeleteAsync(context, key.Value);
        }
        else
        {
            await Error(context, 405, "", "Method not allowed.");
        }
    }

    /// <summary>DELETE by id or alternate key: 204, or 404 when no row has it.</summary>
    private async Task DeleteAsync(HttpContext context, string keySegment)
    {
        (int, string, string)? error;
        bool removed;
        lock (_lock)
        {
            var lead = Find(keySegment, out _, out error);
            removed = lead is not null && _byKey.Remove(lead.Key);
        }

        if (error is { } e)
        {
            await Error(context, e.Item1, e.Item2, e.Item3);
        }
        else if (!removed)
        {
            await Error(context, 404, "0x80040217", "lead With Ids = " + keySegment + " Does Not Exist");
        }
        else
        {
            context.Response.StatusCode = 204;
        }
    }

    private bool Authorized(HttpContext context)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        lock (_lock)
        {
            return auth.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.Contains(auth["Bearer ".Length..]);
        }
    }

    /// <summary>Sliding window; returns Retry-After seconds when the request is over the limit.</summary>
    private int? ServiceProtection()
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            Arrivals.Add(now);
            while (_window.Count > 0 && _window.Peek() <= now - LimitWindow)
            {
                _window.Dequeue();
            }

            if (_window.Count >= RequestLimit)
            {
                Throttled++;
                return Math.Max(1, (int)Math.Ceiling((_window.Peek() + LimitWindow - now).TotalSeconds));
            }

            _window.Enqueue(now);
            return null;
        }
    }

    private async Task PatchAsync(HttpContext context, string keySegment)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
        var unknown = body?.Select(p => p.Key).FirstOrDefault(k => !Columns.Contains(k));
        if (body is null || unknown is not null)
        {
            await Error(context, 400, "0x0", $"Invalid property '{unknown}' was found in entity 'Microsoft.Dynamics.CRM.lead'.");
            return;
        }

        if (body.ContainsKey("statecode") != body.ContainsKey("statuscode"))
        {
            await Error(context, 400, "0x80040203", "statecode and statuscode must be set together.");
            return;
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var representation = context.Request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.Ordinal);
        var (lead, created, error) = Apply(keySegment, body, ifMatch, ifNoneMatch);
        if (error is { } e)
        {
            await Error(context, e.Status, e.Code, e.Message);
            return;
        }

        context.Response.Headers["OData-EntityId"] = $"{BaseUri.GetLeftPart(UriPartial.Authority)}/api/data/v9.2/leads({lead!.Id:D})";
        if (!representation)
        {
            context.Response.StatusCode = 204;
            return;
        }

        await WriteRow(context, created ? 201 : 200, lead, context.Request.Query["$select"].ToString());
    }

    private (DataverseLead? Lead, bool Created, (int Status, string Code, string Message)? Error) Apply(
        string keySegment, JsonObject body, string ifMatch, string ifNoneMatch)
    {
        lock (_lock)
        {
            var lead = Find(keySegment, out var keyValue, out var keyError);
            if (keyError is not null)
            {
                return (null, false, keyError);
            }

            if (lead is null && (ifMatch == "*" || keyValue is null))
            {
                // If-Match: * prevents create (and a GUID key that does not exist cannot be created here).
                return (null, false, (404, "", $"lead With Id = {keySegment} Does Not Exist"));
            }

            if (lead is not null && ifNoneMatch == "*")
            {
                var message = JsonNode.Parse(CrmSamples.Read("dynamics-412-prevent-update.json"))!["error"]!["message"]!.GetValue<string>();
                return (null, false, (412, "", message));
            }

            (Guid Id, string Type)? owner = null;
            if (body["ownerid@odata.bind"] is JsonValue bind)
            {
                var m = BindPattern().Match(bind.ToString());
                if (!m.Success)
                {
                    return (null, false, (400, "0x80060888", $"Invalid entity reference '{bind}' for navigation property 'ownerid'."));
                }

                var id = Guid.Parse(m.Groups["id"].Value);
                var set = m.Groups["set"].Value;
                if (!(set == "teams" ? Teams : SystemUsers).Contains(id))
                {
                    return (null, false, (404, "0x80040217", $"{(set == "teams" ? "team" : "systemuser")} With Id = {id:D} Does Not Exist"));
                }

                owner = (id, set == "teams" ? "team" : "systemuser");
            }

            var created = lead is null;
            if (lead is null)
            {
                lead = new DataverseLead(Guid.NewGuid(), keyValue!, OwnerId) { Creates = 1 };
                _byKey[keyValue!] = lead;
            }
            else
            {
                lead.Updates++;
                lead.Version++;
            }

            foreach (var (k, v) in body)
            {
                switch (k)
                {
                    case "statecode":
                        lead.StateCode = v!.GetValue<int>();
                        break;
                    case "statuscode":
                        lead.StatusCode = v!.GetValue<int>();
                        break;
                    case "ownerid@odata.bind":
                        lead.OwnerChanges += lead.OwnerId == owner!.Value.Id ? 0 : 1;
                        (lead.OwnerId, lead.OwnerType) = owner!.Value;
                        break;
                    default:
                        lead.Columns[k] = v?.ToString();
                        break;
                }
            }

            return (lead, created, null);
        }
    }

    private async Task GetAsync(HttpContext context, string keySegment)
    {
        DataverseLead? lead;
        lock (_lock)
        {
            lead = Find(keySegment, out _, out _);
        }

        if (lead is null)
        {
            await Error(context, 404, "", $"lead With Id = {keySegment} Does Not Exist");
            return;
        }

        await WriteRow(context, 200, lead, context.Request.Query["$select"].ToString());
    }

    private async Task QueryAsync(HttpContext context)
    {
        var filter = context.Request.Query["$filter"].ToString();
        var keys = FilterPattern().Matches(filter).Select(m => m.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal)).ToHashSet();
        if (FilterPattern().Matches(filter).Any(m => m.Groups["attr"].Value != KeyAttribute))
        {
            await Error(context, 400, "0x80060888", "Could not find a property named in the filter.");
            return;
        }

        // A webhook without a post image is resolved by the row id: leadid eq <guid> (unquoted).
        var rowIds = LeadIdFilterPattern().Matches(filter).Select(m => Guid.Parse(m.Groups["id"].Value)).ToHashSet();
        var rows = new JsonArray();
        lock (_lock)
        {
            foreach (var lead in _byKey.Values.Where(l => keys.Contains(l.Key) || rowIds.Contains(l.Id)))
            {
                rows.Add(Row(lead, context.Request.Query["$select"].ToString()));
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["value"] = rows }.ToJsonString());
    }

    private async Task QueryActivitiesAsync(HttpContext context)
    {
        if (ActivitiesDown)
        {
            await Error(context, 503, "", "Service Unavailable");
            return;
        }

        var filter = context.Request.Query["$filter"].ToString();
        var select = context.Request.Query["$select"].ToString();
        var skipToken = context.Request.Query["$skiptoken"].ToString();
        var pageNumber = 1;
        if (skipToken.Length > 0)
        {
            if (PageCookiePattern().Match(skipToken) is not { Success: true } cookie)
            {
                await Error(context, 400, "0x80060888", "Invalid skip token.");
                return;
            }

            pageNumber = int.Parse(cookie.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var regarding = RegardingPattern().Matches(filter).Select(m => Guid.Parse(m.Groups["id"].Value)).ToHashSet();
        var completedOnly = filter.Contains("statecode eq 1", StringComparison.Ordinal);
        var rows = new JsonArray();
        var more = false;
        lock (_lock)
        {
            if (skipToken.Length == 0)
            {
                ActivityFilters.Add(filter);
            }
            else
            {
                ActivitySkipTokens.Add(skipToken);
            }

            var all = _activities.Where(a => regarding.Contains(a.Regarding) && (!completedOnly || a.State == 1)).ToList();
            more = all.Count > pageNumber * ActivityPageSize;
            foreach (var a in all.Skip((pageNumber - 1) * ActivityPageSize).Take(ActivityPageSize))
            {
                rows.Add(new JsonObject
                {
                    ["@odata.etag"] = "W/\"1\"",
                    ["activityid"] = Guid.NewGuid().ToString("D"),
                    ["activitytypecode"] = a.Type,
                    ["statecode"] = a.State,
                    ["actualend"] = a.ActualEnd?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["createdon"] = a.CreatedOn.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["_regardingobjectid_value"] = a.Regarding.ToString("D"),
                });
            }
        }

        var body = new JsonObject { ["value"] = rows };
        if (more)
        {
            // Dataverse's form: the same query plus a paging cookie as $skiptoken.
            var cookie = $"<cookie pagenumber=\"{pageNumber + 1}\" pagingcookie=\"%253ccookie%2520page%253d%2522{pageNumber}%2522%253e\" istracking=\"False\" />";
            body["@odata.nextLink"] = $"{context.Request.Scheme}://{context.Request.Host}/api/data/v9.2/activitypointers?$select={Uri.EscapeDataString(select)}&$filter={Uri.EscapeDataString(filter)}&$skiptoken={Uri.EscapeDataString(cookie)}";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private DataverseLead? Find(string keySegment, out string? keyValue, out (int, string, string)? error)
    {
        error = null;
        keyValue = null;
        if (Guid.TryParse(keySegment, out var id))
        {
            return _byKey.Values.FirstOrDefault(l => l.Id == id);
        }

        var m = KeyPattern().Match(keySegment);
        if (!m.Success || m.Groups["attr"].Value != KeyAttribute)
        {
            error = (400, "0x80060891", $"The key '{keySegment}' is not defined as an alternate key of entity lead.");
            return null;
        }

        keyValue = m.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
        return _byKey.GetValueOrDefault(keyValue);
    }

    private static JsonObject Row(DataverseLead lead, string select)
    {
        var row = new JsonObject { ["@odata.etag"] = $"W/\"{lead.Version}\"" };
        foreach (var column in select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            row[column] = column switch
            {
                "leadid" => lead.Id.ToString("D"),
                "_ownerid_value" => lead.OwnerId.ToString("D"),
                "statecode" => lead.StateCode,
                "statuscode" => lead.StatusCode,
                KeyAttribute => lead.Key,
                _ => lead.Columns.GetValueOrDefault(column)?.ToString(),
            };
        }

        return row;
    }

    private static async Task WriteRow(HttpContext context, int status, DataverseLead lead, string select)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Row(lead, select).ToJsonString());
    }

    private static Task Error(HttpContext context, int status, string code, string message) =>
        ScriptedFaults.WriteAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), []);

    /// <summary>Notes (annotations) by id: <c>objectid_lead@odata.bind</c> → the lead row it regards.</summary>
    public IReadOnlyDictionary<Guid, (Guid Lead, string Subject, string Text)> Annotations
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<Guid, (Guid, string, string)>(_annotations);
            }
        }
    }

    private readonly Dictionary<Guid, (Guid Lead, string Subject, string Text)> _annotations = [];

    /// <summary>PATCH annotations(id): an upsert by primary key; with <c>If-None-Match: *</c> an existing row is a 412.</summary>
    private async Task CreateAnnotationAsync(HttpContext context, Guid id)
    {
        var body = (await System.Text.Json.Nodes.JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var bind = body["objectid_lead@odata.bind"]?.GetValue<string>() ?? "";
        var open = bind.IndexOf('(', StringComparison.Ordinal);
        if (!bind.StartsWith("/leads(", StringComparison.Ordinal) || !Guid.TryParse(bind.AsSpan(open + 1, bind.Length - open - 2), out var lead))
        {
            await Error(context, 400, "0x80048d19", "objectid_lead@odata.bind must be /leads(<guid>).");
            return;
        }

        lock (_lock)
        {
            if (_annotations.ContainsKey(id) && context.Request.Headers.IfNoneMatch == "*")
            {
                context.Response.StatusCode = 412;
            }
            else if (!_byKey.Values.Any(l => l.Id == lead))
            {
                context.Response.StatusCode = 404;
            }
            else
            {
                _annotations[id] = (lead, body["subject"]?.GetValue<string>() ?? "", body["notetext"]?.GetValue<string>() ?? "");
                context.Response.StatusCode = 204;
            }
        }

        if (context.Response.StatusCode == 412)
        {
            await Error(context, 412, "0x80060892", "A record with matching key values already exists.");
        }
        else if (context.Response.StatusCode == 404)
        {
            await Error(context, 404, "0x80040217", "lead With Id Does Not Exist");
        }
    }

    [GeneratedRegex(@"^/api/data/v9\.2/annotations\((?<id>[0-9a-fA-F-]{36})\)$")]
    private static partial Regex AnnotationPattern();

    [GeneratedRegex(@"^/api/data/v9\.2/leads(\((?<key>[^)]*)\))?$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"\bleadid eq (?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b")]
    private static partial Regex LeadIdFilterPattern();

    [GeneratedRegex(@"^(?<attr>\w+)='(?<value>(?:[^']|'')*)'$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^/(?<set>teams|systemusers)\((?<id>[0-9a-fA-F-]{36})\)$")]
    private static partial Regex BindPattern();

    [GeneratedRegex(@"_regardingobjectid_value eq (?<id>[0-9a-fA-F-]{36})")]
    private static partial Regex RegardingPattern();

    [GeneratedRegex(@"pagenumber=""(?<page>[0-9]+)""")]
    private static partial Regex PageCookiePattern();

    [GeneratedRegex(@"(?<attr>\w+) eq '(?<value>(?:[^']|'')*)'")]
    private static partial Regex FilterPattern();
}
