using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// The contact reads and single-contact updates of the HubSpot stub (vendor/FACTS.md E3, B2): <c>contacts/batch/read</c>
/// by id or by e-mail (200, or 207 with an error per unknown input) and <c>PATCH contacts/{id}</c> (optionally
/// <c>?idProperty=email</c>), so the state read before a write and the write itself can be observed.
/// </summary>
public sealed partial class HubSpotSimulator
{
    /// <summary>Scripted failures of the read and update calls (the upsert route has <see cref="Faults"/>).</summary>
    public ScriptedFaults ReadFaults { get; } = new();

    /// <summary>Batch reads answered, with the number of inputs each carried.</summary>
    public List<int> ReadSizes { get; } = [];

    /// <summary>Single-contact updates received: (contact id, property, value).</summary>
    public List<(string ContactId, string Property, string? Value)> Patches { get; } = [];

    /// <summary>Sets a property as a rep (or HubSpot itself, e.g. a deal association count) would.</summary>
    public void SetProperty(string email, string property, string? value)
    {
        lock (_lock)
        {
            _byEmail[email].Properties[property] = value;
        }
    }

    public string? PropertyOf(string email, string property)
    {
        lock (_lock)
        {
            return _byEmail.TryGetValue(email, out var c) ? c.Properties.GetValueOrDefault(property) : null;
        }
    }

    private void MapReads(WebApplication app)
    {
        app.MapPost("/crm/v3/objects/contacts/batch/read", ReadAsync);
        app.MapMethods("/crm/v3/objects/contacts/{contactId}", ["PATCH"], PatchAsync);
    }

    private async Task ReadAsync(HttpContext context)
    {
        if (await RefuseAsync(context))
        {
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var inputs = body!["inputs"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        var byEmail = body["idProperty"]?.GetValue<string>() == "email";
        var wanted = body["properties"]?.AsArray().Select(p => p!.GetValue<string>()).ToList() ?? [];
        if (inputs.Count > 100)
        {
            await ScriptedFaults.WriteAsync(context, 400, """{"status":"error","message":"Batch input limit is 100.","category":"VALIDATION_ERROR"}""", []);
            return;
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        lock (_lock)
        {
            ReadSizes.Add(inputs.Count);
            Reads.Add(inputs);
            foreach (var id in inputs)
            {
                var contact = byEmail ? _byEmail.GetValueOrDefault(id) : _byEmail.Values.FirstOrDefault(c => c.Id == id);
                if (contact is null)
                {
                    errors.Add(new JsonObject { ["status"] = "error", ["category"] = "OBJECT_NOT_FOUND", ["message"] = "Could not get some CONTACT objects, they may be deleted or not exist.", ["context"] = new JsonObject { ["ids"] = new JsonArray(id) } });
                    continue;
                }

                var properties = new JsonObject { ["email"] = contact.Email, ["hs_object_id"] = contact.Id, ["hubspot_owner_id"] = OwnerId };
                foreach (var (k, v) in contact.Properties)
                {
                    properties[k] = v;
                }

                foreach (var k in properties.Select(p => p.Key).Where(k => !wanted.Contains(k) && k is not ("email" or "hs_object_id")).ToList())
                {
                    properties.Remove(k);
                }

                results.Add(new JsonObject { ["id"] = contact.Id, ["properties"] = properties, ["archived"] = false, ["createdAt"] = "2026-11-23T09:00:00Z", ["updatedAt"] = "2026-11-23T09:00:00Z" });
            }
        }

        var response = new JsonObject { ["status"] = "COMPLETE", ["results"] = results, ["startedAt"] = "2026-11-23T09:00:00Z", ["completedAt"] = "2026-11-23T09:00:01Z" };
        if (errors.Count > 0)
        {
            response["errors"] = errors;
            response["numErrors"] = errors.Count;
        }

        await ScriptedFaults.WriteAsync(context, errors.Count > 0 ? 207 : 200, response.ToJsonString(), []);
    }

    private async Task PatchAsync(HttpContext context, string contactId)
    {
        if (await RefuseAsync(context))
        {
            return;
        }

        var byEmail = context.Request.Query["idProperty"] == "email";
        var body = await JsonNode.ParseAsync(context.Request.Body);
        HubSpotContact? contact;
        lock (_lock)
        {
            contact = byEmail ? _byEmail.GetValueOrDefault(contactId) : _byEmail.Values.FirstOrDefault(c => c.Id == contactId);
            if (contact is not null)
            {
                foreach (var (k, v) in body!["properties"]!.AsObject())
                {
                    var value = v?.GetValue<string>();
                    contact.Properties[k] = value;
                    Patches.Add((contact.Id, k, value));
                }

                contact.Updates++;
            }
        }

        if (contact is null)
        {
            await ScriptedFaults.WriteAsync(context, 404, """{"status":"error","message":"resource not found","category":"OBJECT_NOT_FOUND"}""", []);
            return;
        }

        await ScriptedFaults.WriteAsync(context, 200, new JsonObject { ["id"] = contact.Id, ["properties"] = new JsonObject() }.ToJsonString(), []);
    }

    private async Task<bool> RefuseAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer pat-test")
        {
            await ScriptedFaults.WriteAsync(context, 401, """{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}""", []);
            return true;
        }

        var (handled, _) = await ReadFaults.TryServeAsync(context, """{"status":"error","message":"Service Unavailable","category":"SERVICE_UNAVAILABLE"}""");
        return handled;
    }
}
