namespace LeadSync.Infrastructure.Storage;

/// <summary>Maps leads, timeline entries and notices to rows of the lead's partition.</summary>
internal static class LeadEntityMapper
{
    public const string LeadRowKey = "lead";
    public const string TimelinePrefix = "t|";
    public const string NoticePrefix = "n|";

    public static TableEntity ToEntity(Lead lead)
    {
        var e = new TableEntity(lead.Id, LeadRowKey)
        {
            ["Source"] = lead.Source,
            ["DeliveryKey"] = lead.DeliveryKey,
            ["ReceivedAt"] = lead.ReceivedAt,
            ["Status"] = lead.Status.ToString(),
            ["StatusChangedAt"] = lead.StatusChangedAt,
            ["Email"] = lead.Contact.Email,
            ["FirstName"] = lead.Contact.FirstName,
            ["LastName"] = lead.Contact.LastName,
            ["Company"] = lead.Contact.Company,
            ["Phone"] = lead.Contact.Phone,
            ["Title"] = lead.Contact.Title,
            ["Country"] = lead.Contact.Country,
            ["Score"] = lead.Score,
            ["Campaign"] = lead.Campaign,
            ["Owner"] = lead.Owner,
            ["RoutedAt"] = lead.RoutedAt,
            ["RoutedOwner"] = lead.RoutedOwner,
            ["RoutedTeam"] = lead.RoutedTeam,
            ["CrmId"] = lead.CrmId,
            ["SyncedAt"] = lead.SyncedAt,
            ["SyncAttempts"] = lead.SyncAttempts,
            ["SlaDueAt"] = lead.SlaDueAt,
            ["EscalationLevel"] = lead.EscalationLevel,
            ["FirstTouchAt"] = lead.FirstTouchAt,
            ["BusinessMinutesToFirstTouch"] = lead.BusinessMinutesToFirstTouch,
            ["SlaMet"] = lead.SlaMet,
            ["BreachMarkedAt"] = lead.BreachMarkedAt,
            ["ContactAttempts"] = lead.ContactAttempts,
            ["AcknowledgedBy"] = lead.AcknowledgedBy,
            ["AcknowledgedAt"] = lead.AcknowledgedAt,
            ["LadderPausedUntil"] = lead.LadderPausedUntil,
            ["FollowUpMissed"] = lead.FollowUpMissed,
            ["CadenceOutcomes"] = lead.CadenceOutcomes,
            ["LastAttemptAt"] = lead.LastAttemptAt,
            ["NativeAttempts"] = lead.NativeAttempts,
            ["RecycleCount"] = lead.RecycleCount,
            ["RecycleReason"] = lead.RecycleReason,
            ["NurturePushedAt"] = lead.NurturePushedAt,
            ["LastRecycledAt"] = lead.LastRecycledAt,
            ["ReEngagedCount"] = lead.ReEngagedCount,
            ["AdditionalTouches"] = lead.AdditionalTouches,
            ["FirstReceivedAt"] = lead.FirstReceivedAt,
            ["CloseReason"] = lead.CloseReason,
            ["RawPayload"] = lead.RawPayload,
            ["IsTest"] = lead.IsTest,
            ["Consent"] = Json(lead.Consent),
            ["Bant"] = Json(lead.Bant),
            ["Touch"] = Json(lead.Touch),
            ["EnrichmentKey"] = lead.EnrichmentKey,
            ["IndexShard"] = lead.IndexShard,
            ["Timeline"] = lead.StoredTimeline,
        };
        return e;
    }

    public static Lead ToLead(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        Source = e.GetString("Source") ?? string.Empty,
        DeliveryKey = e.GetString("DeliveryKey") ?? string.Empty,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        Status = Enum.TryParse<LeadStatus>(e.GetString("Status"), out var status) ? status : LeadStatus.Received,
        StatusChangedAt = e.GetDateTimeOffset("StatusChangedAt") ?? default,
        Contact = new ContactDetails
        {
            Email = e.GetString("Email"),
            FirstName = e.GetString("FirstName"),
            LastName = e.GetString("LastName"),
            Company = e.GetString("Company"),
            Phone = e.GetString("Phone"),
            Title = e.GetString("Title"),
            Country = e.GetString("Country"),
        },
        Score = e.GetInt32("Score"),
        Campaign = e.GetString("Campaign"),
        Owner = e.GetString("Owner"),
        RoutedAt = e.GetDateTimeOffset("RoutedAt"),
        RoutedOwner = e.GetString("RoutedOwner"),
        RoutedTeam = e.GetString("RoutedTeam"),
        CrmId = e.GetString("CrmId"),
        SyncedAt = e.GetDateTimeOffset("SyncedAt"),
        SyncAttempts = e.GetInt32("SyncAttempts") ?? 0,
        SlaDueAt = e.GetDateTimeOffset("SlaDueAt"),
        EscalationLevel = e.GetInt32("EscalationLevel") ?? 0,
        FirstTouchAt = e.GetDateTimeOffset("FirstTouchAt"),
        BusinessMinutesToFirstTouch = e.GetInt32("BusinessMinutesToFirstTouch"),
        SlaMet = e.GetBoolean("SlaMet"),
        BreachMarkedAt = e.GetDateTimeOffset("BreachMarkedAt"),
        ContactAttempts = e.GetInt32("ContactAttempts") ?? 0,
        AcknowledgedBy = e.GetString("AcknowledgedBy"),
        AcknowledgedAt = e.GetDateTimeOffset("AcknowledgedAt"),
        LadderPausedUntil = e.GetDateTimeOffset("LadderPausedUntil"),
        FollowUpMissed = e.GetBoolean("FollowUpMissed") ?? false,
        CadenceOutcomes = e.GetString("CadenceOutcomes"),
        LastAttemptAt = e.GetDateTimeOffset("LastAttemptAt"),
        NativeAttempts = e.GetString("NativeAttempts"),
        RecycleCount = e.GetInt32("RecycleCount") ?? 0,
        RecycleReason = e.GetString("RecycleReason"),
        NurturePushedAt = e.GetDateTimeOffset("NurturePushedAt"),
        LastRecycledAt = e.GetDateTimeOffset("LastRecycledAt"),
        ReEngagedCount = e.GetInt32("ReEngagedCount") ?? 0,
        AdditionalTouches = e.GetInt32("AdditionalTouches") ?? 0,
        FirstReceivedAt = e.GetDateTimeOffset("FirstReceivedAt"),
        CloseReason = e.GetString("CloseReason"),
        RawPayload = e.GetString("RawPayload"),
        IsTest = e.GetBoolean("IsTest") ?? false,
        Consent = FromJson<ConsentFlags>(e.GetString("Consent")),
        Bant = FromJson<BantAnswers>(e.GetString("Bant")),
        Touch = FromJson<MarketingTouch>(e.GetString("Touch")),
        EnrichmentKey = e.GetString("EnrichmentKey"),
        IndexShard = e.GetInt32("IndexShard"),
        StoredTimeline = e.GetString("Timeline"),
        ETag = e.ETag.ToString(),
    };

    private static string? Json<T>(T? value)
        where T : class => value is null ? null : JsonSerializer.Serialize(value);

    private static T? FromJson<T>(string? json)
        where T : class => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json);

    /// <summary>Row key: time, then the entry's position within its write (entries of one write share a time).</summary>
    public static TableEntity ToEntity(string leadId, TimelineEntry entry, int index) =>
        new(leadId, string.Create(CultureInfo.InvariantCulture, $"{TimelinePrefix}{entry.At.UtcTicks:D19}|{index:D2}{Guid.NewGuid():N}")[..34])
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Event"] = entry.Event,
            ["Detail"] = entry.Detail,
        };

    public static TimelineEntry ToTimelineEntry(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("Actor") ?? string.Empty,
        e.GetString("Event") ?? string.Empty,
        e.GetString("Detail") ?? string.Empty);

    /// <summary>First-cycle notices keep the original key; a re-engaged lead's cycles get their own rows.</summary>
    public static string NoticeRowKey(int level, int cycle = 0) => cycle == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{NoticePrefix}{level:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{NoticePrefix}{level:D2}|c{cycle:D3}");

    public static TableEntity ToEntity(EscalationNotice notice) => new(notice.LeadId, NoticeRowKey(notice.Level, notice.Cycle))
    {
        ["Cycle"] = notice.Cycle,
        ["Level"] = notice.Level,
        ["Recipient"] = notice.Recipient,
        ["RaisedAt"] = notice.RaisedAt,
        ["DeadlineAt"] = notice.DeadlineAt,
        ["Action"] = notice.Action,
        ["AcknowledgedBy"] = notice.AcknowledgedBy,
        ["AcknowledgedAt"] = notice.AcknowledgedAt,
        ["SentAt"] = notice.SentAt,
        ["DeliveredTo"] = notice.DeliveredTo,
        ["Attempts"] = notice.Attempts,
        ["CrmUnchecked"] = notice.CrmUnchecked,
    };

    public static EscalationNotice ToNotice(TableEntity e) => new()
    {
        LeadId = e.PartitionKey,
        Level = e.GetInt32("Level") ?? 0,
        Recipient = e.GetString("Recipient") ?? string.Empty,
        RaisedAt = e.GetDateTimeOffset("RaisedAt") ?? default,
        DeadlineAt = e.GetDateTimeOffset("DeadlineAt") ?? default,
        Action = e.GetString("Action"),
        AcknowledgedBy = e.GetString("AcknowledgedBy"),
        AcknowledgedAt = e.GetDateTimeOffset("AcknowledgedAt"),
        SentAt = e.GetDateTimeOffset("SentAt"),
        DeliveredTo = e.GetString("DeliveredTo"),
        Attempts = e.GetInt32("Attempts") ?? 0,
        Cycle = e.GetInt32("Cycle") ?? 0,
        CrmUnchecked = e.GetBoolean("CrmUnchecked") ?? false,
        ETag = e.ETag.ToString(),
    };
}
