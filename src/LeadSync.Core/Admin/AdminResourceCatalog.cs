using System.Text.Json;
using System.Text.Json.Nodes;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Policies;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Admin;

/// <summary>
/// Knows each admin resource's shape: its settings fallback, how a candidate document is checked (reusing the settings
/// validators, so the admin API and the settings obey the same rules) and how its secrets are hidden.
/// </summary>
public sealed class AdminResourceCatalog(
    IOptionsMonitor<SlaOptions> sla,
    IOptionsMonitor<QualificationOptions> qualification,
    IOptionsMonitor<RecycleOptions> recycle)
{
    private static readonly IValidateOptions<SlaOptions>[] SlaValidators = [new SlaOptionsValidator(), new SlaPolicyOptionsValidator()];

    /// <summary>The document as the settings define it, for a resource no admin has changed yet.</summary>
    public string Fallback(string resource) => resource switch
    {
        AdminResources.SlaPolicies => Serialize(SlaPolicyDocument.From(sla.CurrentValue)),
        AdminResources.Qualification => Serialize(qualification.CurrentValue),
        AdminResources.Recycle => Serialize(new RecyclePolicyDocument { NoProgressWindow = recycle.CurrentValue.NoProgressWindow }),
        AdminResources.Directory => Serialize(new EscalationDirectory()),
        AdminResources.Connections => Serialize(new ConnectionSettings()),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown admin resource."),
    };

    /// <summary>The document with secrets removed (what reads and the history return).</summary>
    public static string Redacted(string resource, string json)
    {
        if (resource != AdminResources.Connections)
        {
            return json;
        }

        var doc = JsonSerializer.Deserialize<ConnectionSettings>(json, AdminJson.Options) ?? new ConnectionSettings();
        doc.Redact();
        return Serialize(doc);
    }

    /// <summary>Checks a candidate document for <paramref name="resource"/> against the current one (null: none stored).</summary>
    public AdminDocumentCheck Check(string resource, string json, string? currentJson)
    {
        var errors = new AdminFieldErrors();
        string? canonical = resource switch
        {
            AdminResources.SlaPolicies => Read<SlaPolicyDocument>(json, errors) is { } s && CheckSla(s, errors) ? Serialize(s) : null,
            AdminResources.Qualification => Read<QualificationOptions>(json, errors) is { } q && CheckQualification(q, errors) ? Serialize(q) : null,
            AdminResources.Recycle => Read<RecyclePolicyDocument>(json, errors) is { } r && CheckRecycle(r, errors) ? Serialize(r) : null,
            AdminResources.Directory => Read<EscalationDirectory>(json, errors) is { } d && CheckDirectory(d, errors) ? Serialize(d) : null,
            AdminResources.Connections => Read<ConnectionSettings>(json, errors) is { } c && CheckConnections(c, currentJson, errors) ? Serialize(c) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown admin resource."),
        };
        if (canonical is null || errors.Count > 0)
        {
            return AdminDocumentCheck.Invalid(errors.ToDictionary());
        }

        var history = Redacted(resource, canonical);
        var previous = Redacted(resource, currentJson ?? Fallback(resource));
        return new AdminDocumentCheck(canonical, history, Changes(previous, history), errors.ToDictionary());
    }

    /// <summary>A candidate SLA document as complete options (the sweep timer settings stay), or null with errors.</summary>
    public SlaOptions? ToSlaOptions(string json, AdminFieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Read<SlaPolicyDocument>(json, errors) is not { } doc || !CheckSla(doc, errors))
        {
            return null;
        }

        var options = new SlaOptions { SweepSchedule = sla.CurrentValue.SweepSchedule, BatchSize = sla.CurrentValue.BatchSize };
        doc.ApplyTo(options);
        return options;
    }

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, AdminJson.Options);

    private static T? Read<T>(string json, AdminFieldErrors errors)
        where T : class
    {
        try
        {
            var doc = JsonSerializer.Deserialize<T>(json, AdminJson.Options);
            if (doc is null)
            {
                errors.Add("$", "A JSON object is required.");
            }

            return doc;
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path.TrimStart('$', '.');
            errors.Add(path.Length == 0 ? "$" : path,
                ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                    ? "Unknown field: " + UnknownField(ex.Message)
                    : "This value has the wrong type or format (durations are hh:mm:ss or d.hh:mm:ss).");
            return null;
        }
    }

    private static string UnknownField(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : "?";
    }

    private static bool CheckSla(SlaPolicyDocument doc, AdminFieldErrors errors)
    {
        var before = errors.Count;
        CheckNoNulls(doc.Levels, "levels", errors);
        CheckNoNulls(doc.Policies, "policies", errors);
        foreach (var (name, calendar) in doc.Calendars)
        {
            if (calendar is null)
            {
                errors.Add($"calendars.{name}", "A calendar must be an object.");
            }
        }

        for (var i = 0; i < doc.Policies.Count; i++)
        {
            if (doc.Policies[i] is { } policy)
            {
                CheckNoNulls(policy.Levels, $"policies[{i}].levels", errors);
            }
        }

        if (errors.Count > before)
        {
            return false;
        }

        var options = new SlaOptions();
        doc.ApplyTo(options);
        foreach (var validator in SlaValidators)
        {
            var result = validator.Validate(null, options);
            foreach (var failure in result.Failures ?? [])
            {
                errors.AddSettingsFailure(SlaOptions.Section, failure);
            }
        }

        return errors.Count == before;
    }

    private static bool CheckQualification(QualificationOptions doc, AdminFieldErrors errors)
    {
        var before = errors.Count;
        if (doc.MinimumScore < 0)
        {
            errors.Add("minimumScore", "minimumScore must not be negative.");
        }

        for (var i = 0; i < doc.RequiredFields.Count; i++)
        {
            if (!QualificationOptions.KnownFields.Contains(doc.RequiredFields[i], StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"requiredFields[{i}]", $"'{doc.RequiredFields[i]}' is not a known field ({string.Join(", ", QualificationOptions.KnownFields)}).");
            }
        }

        return errors.Count == before;
    }

    private static bool CheckRecycle(RecyclePolicyDocument doc, AdminFieldErrors errors)
    {
        if (doc.NoProgressWindow <= TimeSpan.Zero)
        {
            errors.Add("noProgressWindow", "noProgressWindow must be a positive duration.");
            return false;
        }

        return true;
    }

    private static bool CheckDirectory(EscalationDirectory doc, AdminFieldErrors errors)
    {
        var before = errors.Count;
        foreach (var (owner, entry) in doc.Owners)
        {
            if (string.IsNullOrWhiteSpace(owner))
            {
                errors.Add("owners", "Owner ids must not be empty.");
            }
            else if (entry is null || (string.IsNullOrWhiteSpace(entry.Manager) && string.IsNullOrWhiteSpace(entry.Channel)))
            {
                errors.Add($"owners.{owner}", "Each owner needs a manager or a channel.");
            }
            else if (entry.Channel is { } channel && channel.Contains("://", StringComparison.Ordinal) && !IsHttpUrl(channel))
            {
                errors.Add($"owners.{owner}.channel", "A channel URL must be an absolute http(s) URL.");
            }
        }

        return errors.Count == before;
    }

    private static bool CheckConnections(ConnectionSettings doc, string? currentJson, AdminFieldErrors errors)
    {
        var before = errors.Count;
        foreach (var (name, source) in doc.Sources)
        {
            if (string.IsNullOrWhiteSpace(name) || source is null)
            {
                errors.Add($"sources.{name}", "Each source needs a name and an object.");
            }
        }

        if (doc.Crm.BaseUrl is { Length: > 0 } url && !IsHttpUrl(url))
        {
            errors.Add("crm.baseUrl", "crm.baseUrl must be an absolute http(s) URL.");
        }

        if (errors.Count > before)
        {
            return false;
        }

        doc.KeepSecretsFrom(currentJson is null ? null : JsonSerializer.Deserialize<ConnectionSettings>(currentJson, AdminJson.Options));
        return true;
    }

    private static void CheckNoNulls<T>(IList<T> items, string path, AdminFieldErrors errors)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add($"{path}[{i}]", "Must be an object, not null.");
            }
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static List<string> Changes(string previousJson, string nextJson)
    {
        var previous = JsonNode.Parse(previousJson) as JsonObject ?? [];
        var next = JsonNode.Parse(nextJson) as JsonObject ?? [];
        return next.Select(p => p.Key).Union(previous.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(previous[k], next[k]))
            .ToList();
    }
}
