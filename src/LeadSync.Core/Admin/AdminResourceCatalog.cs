namespace LeadSync.Core.Admin;

/// <summary>
/// Knows each admin resource's shape: its settings fallback, how a candidate document is checked (reusing the settings
/// validators, so the admin API and the settings obey the same rules) and how its secrets are hidden.
/// </summary>
public sealed class AdminResourceCatalog(
    IOptionsMonitor<SlaOptions> sla,
    IOptionsMonitor<QualificationOptions> qualification,
    IOptionsMonitor<RecycleOptions> recycle,
    IOptionsMonitor<DirectoryOptions> directory,
    IOptionsMonitor<CrmOptions> crm,
    IEnumerable<IWebhookSource> sources,
    IOptionsMonitor<PeopleOptions>? people = null,
    IOptionsMonitor<RoutingOptions>? routing = null)
{
    private static readonly IValidateOptions<SlaOptions>[] SlaValidators = [new SlaOptionsValidator(), new SlaPolicyOptionsValidator()];
    private readonly string[] _sourceNames = [.. sources.Select(s => s.Name).Order(StringComparer.Ordinal)];

    /// <summary>The document as the settings define it, for a resource no admin has changed yet.</summary>
    public string Fallback(string resource) => resource switch
    {
        AdminResources.SlaPolicies => Serialize(SlaPolicyDocument.From(sla.CurrentValue)),
        AdminResources.Qualification => Serialize(qualification.CurrentValue),
        AdminResources.Recycle => Serialize(RecyclePolicyDocument.From(recycle.CurrentValue)),
        AdminResources.Directory => Serialize(directory.CurrentValue),
        AdminResources.Connections => Serialize(new ConnectionSettings()),
        AdminResources.People => Serialize(PeopleDocument.From(people?.CurrentValue ?? new PeopleOptions())),
        AdminResources.RoutingPolicies => Serialize(routing?.CurrentValue ?? new RoutingOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown admin resource."),
    };

    /// <summary>
    /// The document in effect: the stored one (null: none, the settings apply) completed with what the running code
    /// falls back to, so a reader sees what runs — an empty SLA ladder shows the default rungs, a recycle field left
    /// out shows the setting's value. Secrets are removed.
    /// </summary>
    public string Effective(string resource, string? storedJson)
    {
        switch (resource)
        {
            case AdminResources.SlaPolicies:
                var ladder = storedJson is null
                    ? SlaPolicyDocument.From(sla.CurrentValue)
                    : JsonSerializer.Deserialize<SlaPolicyDocument>(storedJson, AdminJson.Options) ?? new SlaPolicyDocument();
                if (ladder.Levels.Count == 0)
                {
                    foreach (var level in SlaOptions.DefaultLevels)
                    {
                        ladder.Levels.Add(level);
                    }
                }

                return Serialize(ladder);
            case AdminResources.Recycle when storedJson is not null:
                var settings = recycle.CurrentValue;
                var options = new RecycleOptions
                {
                    AfterLastLevel = settings.AfterLastLevel,
                    MaxAttempts = settings.MaxAttempts,
                    AttemptsWindow = settings.AttemptsWindow,
                    Cooldown = settings.Cooldown,
                    MaxRecycles = settings.MaxRecycles,
                };
                (JsonSerializer.Deserialize<RecyclePolicyDocument>(storedJson, AdminJson.Options) ?? new RecyclePolicyDocument()).ApplyTo(options);
                return Serialize(RecyclePolicyDocument.From(options));
            default:
                return storedJson is null ? Fallback(resource) : Redacted(resource, storedJson);
        }
    }

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
            AdminResources.Recycle => Read<RecyclePolicyDocument>(json, errors) is { } r && CheckRecycle(r, recycle.CurrentValue, errors) ? Serialize(r) : null,
            AdminResources.Directory => Read<DirectoryOptions>(json, errors) is { } d && CheckDirectory(d, errors) ? Serialize(d) : null,
            AdminResources.Connections => Read<ConnectionSettings>(json, errors) is { } c && CheckConnections(c, currentJson, errors) ? Serialize(c) : null,
            AdminResources.People => Read<PeopleDocument>(json, errors) is { } p && CheckPeople(p, errors) ? Serialize(p) : null,
            AdminResources.RoutingPolicies => Read<RoutingOptions>(json, errors) is { } r && CheckRouting(r, errors) ? Serialize(r) : null,
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

    /// <summary>A candidate qualification document as options, or null with errors (the same checks as a write).</summary>
    public static QualificationOptions? ToQualificationOptions(string json, AdminFieldErrors errors) =>
        Read<QualificationOptions>(json, errors) is { } doc && CheckQualification(doc, errors) && errors.Count == 0 ? doc : null;

    /// <summary>A candidate SLA document as complete options (the sweep timer settings stay), or null with errors.</summary>
    public SlaOptions? ToSlaOptions(string json, AdminFieldErrors errors)
    {
        if (Read<SlaPolicyDocument>(json, errors) is not { } doc || !CheckSla(doc, errors))
        {
            return null;
        }

        var options = new SlaOptions { SweepSchedule = sla.CurrentValue.SweepSchedule, BatchSize = sla.CurrentValue.BatchSize };
        doc.ApplyTo(options);
        return options;
    }

    /// <summary>A candidate recycle document laid over the settings in effect (the recycle dry run), or null with errors.</summary>
    public RecycleOptions? ToRecycleOptions(string json, AdminFieldErrors errors)
    {
        if (Read<RecyclePolicyDocument>(json, errors) is not { } doc || !CheckRecycle(doc, recycle.CurrentValue, errors) || errors.Count > 0)
        {
            return null;
        }

        return Overlay(doc, recycle.CurrentValue);
    }

    /// <summary>A candidate routing document as options, or null with errors (the routing dry run).</summary>
    public static RoutingOptions? ToRoutingOptions(string json, AdminFieldErrors errors)
    {
        return Read<RoutingOptions>(json, errors) is { } options && CheckRouting(options, errors) ? options : null;
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
                CheckNoNulls(policy.Cadence, $"policies[{i}].cadence", errors);
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
        foreach (var failure in new QualificationOptionsValidator().Validate(null, doc).Failures ?? [])
        {
            errors.AddSettingsFailure(QualificationOptions.Section, failure);
        }

        return errors.Count == before;
    }

    private static bool CheckRecycle(RecyclePolicyDocument doc, RecycleOptions settings, AdminFieldErrors errors)
    {
        var before = errors.Count;
        if (doc.NoProgressWindow <= TimeSpan.Zero)
        {
            errors.Add("noProgressWindow", "noProgressWindow must be a positive duration.");
        }

        if (errors.Count > before)
        {
            return false;
        }

        // The same rules as the settings, on the options the document would produce.
        var options = Overlay(doc, settings);
        foreach (var failure in new RecycleOptionsValidator().Validate(null, options).Failures ?? [])
        {
            errors.AddSettingsFailure(RecycleOptions.Section, failure);
        }

        return errors.Count == before;
    }

    /// <summary>The options <paramref name="doc"/> produces over <paramref name="settings"/> (the job's timer settings stay).</summary>
    private static RecycleOptions Overlay(RecyclePolicyDocument doc, RecycleOptions settings)
    {
        var options = new RecycleOptions
        {
            Schedule = settings.Schedule,
            AttemptsCheckInterval = settings.AttemptsCheckInterval,
            BatchSize = settings.BatchSize,
            NoProgressWindow = settings.NoProgressWindow,
            AfterLastLevel = settings.AfterLastLevel,
            MaxAttempts = settings.MaxAttempts,
            AttemptsWindow = settings.AttemptsWindow,
            Cooldown = settings.Cooldown,
            MaxRecycles = settings.MaxRecycles,
            DefaultTarget = settings.DefaultTarget,
        };
        foreach (var (reason, target) in settings.Targets)
        {
            options.Targets[reason] = target;
        }

        doc.ApplyTo(options);
        return options;
    }

    private bool CheckPeople(PeopleDocument doc, AdminFieldErrors errors)
    {
        var failures = new List<string>();
        PeopleRules.Validate(PeopleOptions.Section, doc.People, doc.Teams, sla.CurrentValue.Calendars, failures);
        foreach (var failure in failures)
        {
            errors.AddSettingsFailure(PeopleOptions.Section, failure);
        }

        return failures.Count == 0;
    }

    private static bool CheckRouting(RoutingOptions options, AdminFieldErrors errors)
    {
        var failures = new List<string>();
        RoutingOptionsValidator.Check(options, failures);
        foreach (var failure in failures)
        {
            errors.AddSettingsFailure(RoutingOptions.Section, failure);
        }

        return failures.Count == 0;
    }

    private static bool CheckDirectory(DirectoryOptions doc, AdminFieldErrors errors)
    {
        var before = errors.Count;
        foreach (var (owner, entry) in doc.Owners)
        {
            if (string.IsNullOrWhiteSpace(owner))
            {
                errors.Add("owners", "Owner ids must not be empty.");
            }
            else if (entry is null || (string.IsNullOrWhiteSpace(entry.Manager) && string.IsNullOrWhiteSpace(entry.Email) && string.IsNullOrWhiteSpace(entry.Channel)))
            {
                errors.Add($"owners.{owner}", "Each owner needs a manager, an e-mail address or a channel.");
            }
            else if (entry.Email is { Length: > 0 } email && !IsEmailAddress(email))
            {
                errors.Add($"owners.{owner}.email", "Not an e-mail address.");
            }
        }

        if (errors.Count > before)
        {
            return false;
        }

        foreach (var failure in new DirectoryOptionsValidator().Validate(null, doc).Failures ?? [])
        {
            errors.AddSettingsFailure(DirectoryOptions.Section, failure);
        }

        return errors.Count == before;
    }

    private bool CheckConnections(ConnectionSettings doc, string? currentJson, AdminFieldErrors errors)
    {
        var before = errors.Count;
        foreach (var (name, source) in doc.Sources)
        {
            if (string.IsNullOrWhiteSpace(name) || source is null)
            {
                errors.Add($"sources.{name}", "Each source needs a name and an object.");
            }
            else if (!_sourceNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"sources.{name}", $"Unknown source (use one of: {string.Join(", ", _sourceNames)}).");
            }
            else if (source.Secret is { } secret && (secret.Trim().Length == 0 ||
                     (name.Equals(GenericWebhookSource.SourceName, StringComparison.OrdinalIgnoreCase) && !StandardWebhookVerifier.IsValidSecret(secret))))
            {
                errors.Add($"sources.{name}.secret", secret.Trim().Length == 0
                    ? "Leave the secret out (or null) to keep the stored one; use enabled: false to turn the source off."
                    : "The generic source's secret must be whsec_ followed by base64.");
            }
        }

        var running = crm.CurrentValue.Provider;
        if (doc.Crm.Provider is { Length: > 0 } provider && !provider.Equals(running, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("crm.provider", $"The CRM provider is chosen when the app starts ({CrmOptions.Section}:Provider = {running}); change that setting to switch.");
        }

        if (doc.Crm.BaseUrl is { Length: > 0 } url &&
            CrmBaseUrlRule.Check(running, url, crm.CurrentValue.AllowedBaseUrlHosts) is { } refused)
        {
            // The CRM's credentials go to this URL at the next start: only the provider's own hosts (or allow-listed).
            errors.Add("crm.baseUrl", refused);
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

    private static bool IsEmailAddress(string value) =>
        value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);

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
