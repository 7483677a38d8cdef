namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// Field mapping between a LeadSync lead and a Salesforce Lead record: the fields an upsert writes, and the touch and
/// funnel stage a queried record reads as (with the configured status lists).
/// </summary>
internal static class SalesforceRecordMapper
{
    /// <summary>The mapped fields of <paramref name="lead"/>; Lead's required LastName and Company get a placeholder when empty.</summary>
    public static Dictionary<string, object> Fields(Lead lead, SalesforceOptions o)
    {
        var fields = CanonicalField.Map(lead, o.Fields).ToDictionary(kv => kv.Key, kv => (object)kv.Value, StringComparer.Ordinal);
        foreach (var required in new[] { "LastName", "Company" })
        {
            if (o.Fields.TryGetValue(required, out var field) && field.Length > 0)
            {
                fields.TryAdd(field, o.MissingValuePlaceholder);
            }
        }

        // The owner LeadSync's routing chose, on the first write only: once the record exists, sales own its owner.
        if (lead.RoutedOwner is { Length: > 0 } owner && lead.CrmId is null)
        {
            fields["OwnerId"] = owner;
        }

        return fields;
    }

    public static CrmTouch ToTouch(string leadId, Dictionary<string, JsonElement> record, SalesforceTaskActivity? tasks, SalesforceOptions o)
    {
        var status = Str(record, "Status");
        var owner = Str(record, "OwnerId");
        var lastActivity = LastActivity(record);
        var converted = record.TryGetValue("IsConverted", out var c) && c.ValueKind == JsonValueKind.True;

        var state = converted ? CrmLeadState.Converted
            : In(status, o.DisqualifiedStatuses, SalesforceOptions.DefaultDisqualifiedStatuses) ? CrmLeadState.Disqualified
            : string.Equals(status, o.RecycledStatus, StringComparison.OrdinalIgnoreCase) || In(status, o.NurtureStatuses, []) ? CrmLeadState.Nurture
            : In(status, o.ContactedStatuses, SalesforceOptions.DefaultContactedStatuses) || lastActivity is not null || tasks?.Attempts > 0
                ? CrmLeadState.Contacted
            : CrmLeadState.Untouched;

        // Without Task rows (not read, or activity logged otherwise) a LastActivityDate still counts as one attempt.
        var attempts = Math.Max(tasks?.Attempts ?? 0, lastActivity is null ? 0 : 1);
        return new CrmTouch(leadId, state, tasks?.FirstAt ?? lastActivity, attempts, owner);
    }

    /// <summary>
    /// Status → funnel stage with the configured lists (README "Never backwards"): converted by <c>IsConverted</c> or a
    /// converted opportunity; then disqualified, nurture, working (status or a logged activity), else open.
    /// </summary>
    public static CrmRecordState ToState(string leadId, Dictionary<string, JsonElement> record, SalesforceOptions o)
    {
        var status = Str(record, "Status");
        var lastActivity = LastActivity(record);
        var converted = (record.TryGetValue("IsConverted", out var c) && c.ValueKind == JsonValueKind.True)
            || Str(record, "ConvertedOpportunityId") is { Length: > 0 };
        var stage = converted ? CrmFunnelStage.Converted
            : In(status, o.DisqualifiedStatuses, SalesforceOptions.DefaultDisqualifiedStatuses) ? CrmFunnelStage.Disqualified
            : string.Equals(status, o.RecycledStatus, StringComparison.OrdinalIgnoreCase) || In(status, o.NurtureStatuses, []) ? CrmFunnelStage.Nurture
            : In(status, o.ContactedStatuses, SalesforceOptions.DefaultContactedStatuses) || lastActivity is not null ? CrmFunnelStage.Working
            : CrmFunnelStage.Open;
        return new CrmRecordState(leadId, stage, status, null, converted, Str(record, "OwnerId"), lastActivity);
    }

    /// <summary>Salesforce datetimes look like <c>2026-11-20T10:15:00.000+0000</c> (offset without a colon).</summary>
    public static DateTimeOffset? ParseDateTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Length > 5 && value[^5] is '+' or '-' && value[^3] != ':' ? value.Insert(value.Length - 2, ":") : value;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }

    /// <summary>A string field of a queried record; null when absent or not a string.</summary>
    public static string? Str(Dictionary<string, JsonElement> record, string name) =>
        record.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary><c>LastActivityDate</c> is a date (<c>yyyy-MM-dd</c>), read as midnight UTC.</summary>
    private static DateTimeOffset? LastActivity(Dictionary<string, JsonElement> record) =>
        Str(record, "LastActivityDate") is { } d
        && DateTime.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;

    private static bool In(string? status, IList<string> configured, string[] defaults) =>
        status is not null && (configured.Count > 0 ? configured : defaults).Contains(status, StringComparer.OrdinalIgnoreCase);
}
