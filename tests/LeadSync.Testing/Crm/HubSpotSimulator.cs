using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// A stateful HubSpot contacts store (CRM simulator shared by the CRM tests, the reliability suite and the benchmarks) for behaviour the spec cannot drive through Prism (the spec documents no 429, 423
/// or 477): batch upsert by e-mail with 207 for invalid e-mails, and scripted rate-limit / lock / migration faults
/// shaped as vendor/FACTS.md B2 and the vendor samples describe them.
/// </summary>
public sealed partial class HubSpotSimulator : IAsyncDisposable
{
    public const string OwnerId = "77123";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, HubSpotContact> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private SimulatorHost? _host;
    private readonly Dictionary<string, DateTimeOffset> _firstAnswered = new(StringComparer.OrdinalIgnoreCase);
    private int _seq = 1000;

    public ScriptedFaults Faults { get; } = new();

    /// <summary>
    /// HubSpot's burst limit as a rolling window: more than <see cref="RequestLimit"/> requests within any
    /// <see cref="LimitWindow"/> get 429 with <c>policyName: TEN_SECONDLY_ROLLING</c> (vendor/FACTS.md B2). Off when null.
    /// </summary>
    public int? RequestLimit { get; set; }

    public TimeSpan LimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// While true every request gets HubSpot's daily-limit 429 (<c>policyName: DAILY</c>, vendor/FACTS.md B2): the
    /// private app's daily allocation is spent until midnight in the account's time zone. The test clears it at the reset.
    /// </summary>
    public bool DailyLimitReached { get; set; }

    /// <summary>Milliseconds each successful batch takes to answer (vendor latency).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int RateLimited { get; private set; }

    public Uri BaseUri => _host!.BaseUri;

    public int Requests { get; private set; }

    public List<int> BatchSizes { get; } = [];

    /// <summary>A copy of <see cref="BatchSizes"/> that is safe to take while requests are still arriving.</summary>
    public IReadOnlyList<int> BatchSizesSnapshot()
    {
        lock (_lock)
        {
            return [.. BatchSizes];
        }
    }

    public List<DateTimeOffset> Arrivals { get; } = [];

    /// <summary>When each e-mail's first successful upsert was answered (the CRM acknowledged it); a copy.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FirstAnswered
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, DateTimeOffset>(_firstAnswered, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    public static async Task<HubSpotSimulator> StartAsync()
    {
        var stub = new HubSpotSimulator();
        stub._host = await SimulatorHost.StartAsync(app =>
        {
            app.MapPost("/crm/v3/objects/contacts/batch/upsert", stub.UpsertAsync);
            stub.MapReads(app);
            stub.MapEngagements(app);
            app.MapPost("/crm/v3/objects/notes", stub.CreateNoteAsync);
            stub.MapNotes(app);
            stub.MapDirectory(app);
        });
        return stub;
    }

    public IReadOnlyDictionary<string, HubSpotContact> Contacts
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, HubSpotContact>(_byEmail, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    private const string TenSecondlyRollingBody =
        """{"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"TEN_SECONDLY_ROLLING"}""";

    private const string DailyBody =
        """{"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT","correlationId":"5e1b0a2c-6f7d-4d1e-9a43-2f0c8b7d1e55","policyName":"DAILY"}""";

    private const string BatchTooLargeBody =
        """{"status":"error","message":"Batch input limit is 100.","category":"VALIDATION_ERROR","correlationId":"a43683b0-5717-4ceb-80b4-104d02915d8c"}""";

    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task UpsertAsync(HttpContext context)
    {
        bool overQuota;
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            Requests++;
            Arrivals.Add(now);
            overQuota = RequestLimit is { } limit && CountSince(now - LimitWindow) > limit;
            if (overQuota)
            {
                RateLimited++;
            }
        }

        if (overQuota)
        {
            await ScriptedFaults.WriteAsync(context, 429, TenSecondlyRollingBody, []);
            return;
        }

        if (DailyLimitReached)
        {
            await ScriptedFaults.WriteAsync(context, 429, DailyBody, [("X-HubSpot-RateLimit-Daily", "250000"), ("X-HubSpot-RateLimit-Daily-Remaining", "0")]);
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer pat-test")
        {
            await ScriptedFaults.WriteAsync(context, 401, """{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}""", []);
            return;
        }

        var (handled, delayAfter) = await Faults.TryServeAsync(context, """{"status":"error","message":"Service Unavailable","category":"SERVICE_UNAVAILABLE"}""");
        if (handled)
        {
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var inputs = body!["inputs"]!.AsArray();
        if (inputs.Count > 100)
        {
            await ScriptedFaults.WriteAsync(context, 400, BatchTooLargeBody, []);
            return;
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        lock (_lock)
        {
            BatchSizes.Add(inputs.Count);
            foreach (var input in inputs)
            {
                var email = input!["id"]!.GetValue<string>();
                var trace = input["objectWriteTraceId"]?.GetValue<string>();
                if (!email.Contains('@', StringComparison.Ordinal))
                {
                    errors.Add(new JsonObject
                    {
                        ["status"] = "error",
                        ["category"] = "VALIDATION_ERROR",
                        ["message"] = $"Property values were not valid: email {email}",
                        ["context"] = new JsonObject { ["objectWriteTraceId"] = new JsonArray(trace) },
                    });
                    continue;
                }

                var isNew = !_byEmail.TryGetValue(email, out var contact);
                if (contact is null)
                {
                    contact = new HubSpotContact((++_seq).ToString(System.Globalization.CultureInfo.InvariantCulture), email) { Creates = 1 };
                    _byEmail[email] = contact;
                }
                else
                {
                    contact.Updates++;
                }

                foreach (var (k, v) in input["properties"]!.AsObject())
                {
                    contact.Properties[k] = v?.GetValue<string>();
                }

                var props = new JsonObject { ["email"] = email, ["hubspot_owner_id"] = contact.Properties.GetValueOrDefault("hubspot_owner_id") ?? OwnerId };
                results.Add(new JsonObject
                {
                    ["id"] = contact.Id,
                    ["new"] = isNew,
                    ["archived"] = false,
                    ["createdAt"] = "2026-11-23T09:00:00Z",
                    ["updatedAt"] = "2026-11-23T09:00:00Z",
                    ["properties"] = props,
                });
            }
        }

        var response = new JsonObject
        {
            ["status"] = "COMPLETE",
            ["results"] = results,
            ["startedAt"] = "2026-11-23T09:00:00Z",
            ["completedAt"] = "2026-11-23T09:00:01Z",
        };
        if (errors.Count > 0)
        {
            response["errors"] = errors;
            response["numErrors"] = errors.Count;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (delayAfter is { } delay)
        {
            // Written, but the answer comes too late: the client times out and upserts again.
            await Task.Delay(delay, context.RequestAborted);
        }

        var answeredAt = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            foreach (var result in results)
            {
                _firstAnswered.TryAdd(result!["properties"]!["email"]!.GetValue<string>(), answeredAt);
            }
        }

        await ScriptedFaults.WriteAsync(context, errors.Count > 0 ? 207 : 200, response.ToJsonString(), []);
    }

    private async Task CreateNoteAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer pat-test")
        {
            await ScriptedFaults.WriteAsync(context, 401, """{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}""", []);
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var timestamp = body!["properties"]?["hs_timestamp"]?.GetValue<string>();
        var association = body["associations"]?[0];
        var type = association?["types"]?[0]?["associationTypeId"]?.GetValue<int>();
        var contactId = association?["to"]?["id"]?.GetValue<string>();
        if (timestamp is null || type != 202 || contactId is null)
        {
            await ScriptedFaults.WriteAsync(context, 400, """{"status":"error","message":"Invalid input: hs_timestamp and a note-to-contact association are required.","category":"VALIDATION_ERROR"}""", []);
            return;
        }

        string id;
        lock (_lock)
        {
            var note = AddNote(null, timestamp, body["properties"]?["hs_note_body"]?.GetValue<string>() ?? "");
            note.ContactIds.Add(contactId);
            id = note.Id;
        }

        await ScriptedFaults.WriteAsync(context, 201,
            $$"""{"id":"{{id}}","properties":{"hs_timestamp":"{{timestamp}}","hs_object_id":"{{id}}"},"createdAt":"2026-11-23T09:00:00Z","updatedAt":"2026-11-23T09:00:00Z","archived":false}""", []);
    }

    /// <summary>Batch reads served (<c>POST /crm/v3/objects/contacts/batch/read</c>), and the ids each one asked for.</summary>
    public List<IReadOnlyList<string>> Reads { get; } = [];

    /// <summary>Requests (accepted or refused) that arrived after <paramref name="since"/>; callers hold the lock.</summary>
    private int CountSince(DateTimeOffset since)
    {
        var count = 0;
        for (var i = Arrivals.Count - 1; i >= 0 && Arrivals[i] > since; i--)
        {
            count++;
        }

        return count;
    }
}
