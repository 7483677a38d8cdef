using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// The engagement reads of the HubSpot stub, shaped by <c>specs/hubspot/associations-v4.openapi.json</c>:
/// <c>POST /crm/v4/associations/contacts/{toObjectType}/batch/read</c> (inputs <c>{id, after}</c>; a contact whose list
/// goes on gets <c>paging.next.after</c>; contacts without any come back as errors in a 207) and the object batch read
/// <c>POST /crm/v3/objects/{calls|emails|meetings}/batch/read</c> with <c>hs_timestamp</c> and <c>hs_email_direction</c>.
/// </summary>
public sealed partial class HubSpotSimulator
{
    private readonly List<(string ContactId, string Type, string Id, DateTimeOffset At, string? Direction)> _engagements = [];

    /// <summary>Associated ids per contact and page (HubSpot's default page is 500).</summary>
    public int AssociationPageSize { get; set; } = 500;

    /// <summary>Association batch reads answered: (type, inputs, how many of them carried <c>after</c>).</summary>
    public List<(string Type, int Inputs, int WithAfter)> AssociationReads { get; } = [];

    /// <summary>Engagement batch reads answered: (type, inputs).</summary>
    public List<(string Type, int Inputs)> EngagementReads { get; } = [];

    /// <summary>Logs an engagement (a call, e-mail or meeting) on the contact, as a rep (or HubSpot's inbox) would.</summary>
    public void AddEngagement(string email, string type, DateTimeOffset at, string? direction = null)
    {
        lock (_lock)
        {
            _engagements.Add((_byEmail[email].Id, type, (900000 + _engagements.Count).ToString(CultureInfo.InvariantCulture), at, direction));
        }
    }

    private void MapEngagements(WebApplication app)
    {
        app.MapPost("/crm/v4/associations/contacts/{toObjectType}/batch/read", ReadAssociationsAsync);
        app.MapPost("/crm/v3/objects/{objectType}/batch/read", ReadEngagementsAsync);
    }

    private async Task ReadAssociationsAsync(HttpContext context, string toObjectType)
    {
        if (await RefuseAsync(context))
        {
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var inputs = body!["inputs"]!.AsArray().Select(i => (Id: i!["id"]!.GetValue<string>(), After: i["after"]?.GetValue<string>())).ToList();
        var results = new JsonArray();
        var errors = new JsonArray();
        lock (_lock)
        {
            AssociationReads.Add((toObjectType, inputs.Count, inputs.Count(i => i.After is not null)));
            foreach (var (id, after) in inputs)
            {
                var all = _engagements.Where(e => e.ContactId == id && e.Type == toObjectType).ToList();
                var offset = after is null ? 0 : int.Parse(after, CultureInfo.InvariantCulture);
                if (all.Count == 0)
                {
                    errors.Add(new JsonObject { ["status"] = "error", ["category"] = "OBJECT_NOT_FOUND", ["message"] = $"No {toObjectType} is associated with object {id}.", ["context"] = new JsonObject { ["fromObjectId"] = new JsonArray(id) } });
                    continue;
                }

                var page = all.Skip(offset).Take(AssociationPageSize).ToList();
                var result = new JsonObject
                {
                    ["from"] = new JsonObject { ["id"] = id },
                    ["to"] = new JsonArray([.. page.Select(e => (JsonNode)new JsonObject
                    {
                        // HubSpot sends the id as a number although the spec says string.
                        ["toObjectId"] = long.Parse(e.Id, CultureInfo.InvariantCulture),
                        ["associationTypes"] = new JsonArray(new JsonObject { ["category"] = "HUBSPOT_DEFINED", ["typeId"] = 194, ["label"] = null }),
                    })]),
                };
                if (offset + page.Count < all.Count)
                {
                    var next = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
                    result["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = null } };
                }

                results.Add(result);
            }
        }

        var response = new JsonObject
        {
            ["status"] = "COMPLETE",
            ["results"] = results,
            ["startedAt"] = "2026-11-23T10:00:00.000Z",
            ["completedAt"] = "2026-11-23T10:00:00.050Z",
        };
        if (errors.Count > 0)
        {
            response["errors"] = errors;
            response["numErrors"] = errors.Count;
        }

        context.Response.StatusCode = errors.Count > 0 ? 207 : 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    private async Task ReadEngagementsAsync(HttpContext context, string objectType)
    {
        if (objectType is not ("calls" or "emails" or "meetings"))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (await RefuseAsync(context))
        {
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var ids = body!["inputs"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        if (ids.Count > 100)
        {
            await ScriptedFaults.WriteAsync(context, 400, """{"status":"error","message":"Batch input limit is 100.","category":"VALIDATION_ERROR"}""", []);
            return;
        }

        var results = new JsonArray();
        lock (_lock)
        {
            EngagementReads.Add((objectType, ids.Count));
            foreach (var e in _engagements.Where(e => e.Type == objectType && ids.Contains(e.Id)))
            {
                var properties = new JsonObject
                {
                    ["hs_timestamp"] = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["hs_object_id"] = e.Id,
                };
                if (e.Direction is not null)
                {
                    properties["hs_email_direction"] = e.Direction;
                }

                results.Add(new JsonObject { ["id"] = e.Id, ["properties"] = properties, ["archived"] = false });
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["status"] = "COMPLETE", ["results"] = results }.ToJsonString());
    }
}
