using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Testing.Crm;

/// <summary>
/// The touch notes of the HubSpot stub, shaped by the published notes v3 and associations v4 specs:
/// <c>POST /crm/v3/objects/notes/batch/upsert</c> (each input's <c>id</c> is looked up in the note property named by
/// <c>idProperty</c>, which must be the account's unique note property: found → updated, else created with that value;
/// 200 with <c>results[].id</c> and <c>new</c>) and <c>PUT /crm/v4/objects/notes/{noteId}/associations/default/contacts/{contactId}</c>
/// (the default note→contact type 202; associating an associated pair again changes nothing). The legacy
/// <c>POST /crm/v3/objects/notes</c> create with inline associations stays too — it creates a new note every time.
/// </summary>
public sealed partial class HubSpotSimulator
{
    private readonly List<HubSpotNote> _notes = [];

    /// <summary>The note property created with "unique values" in this account (what <c>idProperty</c> must name).</summary>
    public string UniqueNoteProperty { get; set; } = "leadsync_touch_id";

    /// <summary>Faults served to the note→contact association PUT only (the note upsert before it succeeds).</summary>
    public ScriptedFaults AssociationFaults { get; } = new();

    /// <summary>Note upserts and association PUTs answered (successfully or not), in order: "upsert" / "associate".</summary>
    public List<string> NoteCalls { get; } = [];

    /// <summary>
    /// Notes in the account (a copy): the contact(s) each is associated to (comma-separated, empty when none), its
    /// timestamp and body.
    /// </summary>
    public IReadOnlyList<(string ContactId, string Timestamp, string Body)> Notes
    {
        get
        {
            lock (_lock)
            {
                return [.. _notes.Select(n => (string.Join(',', n.ContactIds), n.Timestamp, n.Body))];
            }
        }
    }

    private void MapNotes(WebApplication app)
    {
        app.MapPost("/crm/v3/objects/notes/batch/upsert", UpsertNotesAsync);
        app.MapPut("/crm/v4/objects/notes/{noteId}/associations/default/contacts/{contactId}", AssociateNoteAsync);
    }

    /// <summary>Adds a note; callers hold the lock.</summary>
    private HubSpotNote AddNote(string? uniqueValue, string timestamp, string body)
    {
        var note = new HubSpotNote((5000001 + _notes.Count).ToString(CultureInfo.InvariantCulture), uniqueValue) { Timestamp = timestamp, Body = body };
        _notes.Add(note);
        return note;
    }

    private async Task UpsertNotesAsync(HttpContext context)
    {
        if (await RefuseNoteCallAsync(context, "upsert", null))
        {
            return;
        }

        var inputs = (await JsonNode.ParseAsync(context.Request.Body))!["inputs"]!.AsArray();
        if (inputs.Any(i => i?["idProperty"]?.GetValue<string>() != UniqueNoteProperty || i["id"] is null || i["properties"] is null))
        {
            await ScriptedFaults.WriteAsync(context, 400,
                $$"""{"status":"error","message":"Upsert requires idProperty to be a property with unique values ({{UniqueNoteProperty}}), an id and properties.","category":"VALIDATION_ERROR"}""", []);
            return;
        }

        var results = new JsonArray();
        lock (_lock)
        {
            foreach (var input in inputs)
            {
                var value = input!["id"]!.GetValue<string>();
                var properties = input["properties"]!.AsObject();
                var note = _notes.FirstOrDefault(n => n.UniqueValue == value);
                var isNew = note is null;
                note ??= AddNote(value, "", "");
                note.Timestamp = properties["hs_timestamp"]?.GetValue<string>() ?? note.Timestamp;
                note.Body = properties["hs_note_body"]?.GetValue<string>() ?? note.Body;
                results.Add(new JsonObject
                {
                    ["id"] = note.Id,
                    ["new"] = isNew,
                    ["archived"] = false,
                    ["createdAt"] = "2026-11-23T09:00:00Z",
                    ["updatedAt"] = "2026-11-23T09:00:00Z",
                    ["properties"] = new JsonObject { ["hs_object_id"] = note.Id, ["hs_timestamp"] = note.Timestamp, [UniqueNoteProperty] = value },
                });
            }
        }

        var response = new JsonObject { ["status"] = "COMPLETE", ["results"] = results, ["startedAt"] = "2026-11-23T09:00:00Z", ["completedAt"] = "2026-11-23T09:00:01Z" };
        await ScriptedFaults.WriteAsync(context, 200, response.ToJsonString(), []);
    }

    private async Task AssociateNoteAsync(HttpContext context, string noteId, string contactId)
    {
        if (await RefuseNoteCallAsync(context, "associate", AssociationFaults))
        {
            return;
        }

        bool found;
        lock (_lock)
        {
            var note = _notes.FirstOrDefault(n => n.Id == noteId);
            found = note is not null && _byEmail.Values.Any(c => c.Id == contactId);
            if (found && !note!.ContactIds.Contains(contactId))
            {
                note.ContactIds.Add(contactId);
            }
        }

        if (!found)
        {
            await ScriptedFaults.WriteAsync(context, 404, """{"status":"error","message":"resource not found","category":"OBJECT_NOT_FOUND"}""", []);
            return;
        }

        await ScriptedFaults.WriteAsync(context, 200,
            $$$"""{"status":"COMPLETE","results":[{"from":{"id":"{{{noteId}}}"},"to":{"id":"{{{contactId}}}"},"associationSpec":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":202}}],"startedAt":"2026-11-23T09:00:00Z","completedAt":"2026-11-23T09:00:01Z"}""", []);
    }

    private async Task<bool> RefuseNoteCallAsync(HttpContext context, string call, ScriptedFaults? faults)
    {
        lock (_lock)
        {
            NoteCalls.Add(call);
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer pat-test")
        {
            await ScriptedFaults.WriteAsync(context, 401, """{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}""", []);
            return true;
        }

        if (faults is null)
        {
            return false;
        }

        var (handled, _) = await faults.TryServeAsync(context, """{"status":"error","message":"Service Unavailable","category":"SERVICE_UNAVAILABLE"}""");
        return handled;
    }

    /// <summary>A note in the stub: its id, unique property value (null for a legacy create) and associated contacts.</summary>
    private sealed class HubSpotNote(string id, string? uniqueValue)
    {
        public string Id { get; } = id;

        public string? UniqueValue { get; } = uniqueValue;

        public string Timestamp { get; set; } = "";

        public string Body { get; set; } = "";

        public List<string> ContactIds { get; } = [];
    }
}
