namespace LeadSync.Core.Crm.Touches;

/// <summary>
/// Puts the marketing story where reps work: for a lead in the CRM, every <c>marketing.touch</c> on its timeline (the
/// submission that created it and each later one: re-entries, second submissions) not written yet becomes one CRM
/// record through <see cref="ICrmTouchWriter"/>. Runs after each sync-queue message for the lead, so the first sync and
/// every later touch (which queues the lead again) are covered; a touch is marked written only after the CRM accepted
/// it, and the writers key their records by the touch, so a retry or replay never adds a second record.
/// </summary>
public sealed partial class CrmTouchRecorder(
    ILeadStore store,
    ICrmGateway crm,
    ICrmChangeLog log,
    IOptionsMonitor<CrmTouchOptions> options,
    ILogger<CrmTouchRecorder> logger,
    ICrmTouchWriter? writer = null)
{
    public async Task<WorkOutcome> RecordAsync(string leadId, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled || writer is null)
        {
            return WorkOutcome.Done("touch records off");
        }

        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is not { CrmId.Length: > 0 } || lead.Status is LeadStatus.Received or LeadStatus.SalesReady)
        {
            return WorkOutcome.Done("not in the CRM yet");
        }

        var written = 0;
        var provider = "touch-" + crm.Name;
        foreach (var record in Records(lead, await store.GetTimelineAsync(leadId, cancellationToken)))
        {
            if (await log.WasHandledAsync(provider, record.Key, cancellationToken))
            {
                continue;
            }

            var outcome = await writer.WriteAsync(lead, record, cancellationToken);
            if (!outcome.Succeeded)
            {
                LogFailed(logger, leadId, crm.Name, outcome.Kind);
                return outcome.Kind == CrmOutcomeKind.Permanent
                    ? WorkOutcome.Done($"touch record refused: {outcome.Reason}")
                    : WorkOutcome.Retry(outcome.RetryAfter ?? TimeSpan.FromSeconds(30), $"touch record: {outcome.Kind}");
            }

            await log.MarkHandledAsync(provider, record.Key, record.At, cancellationToken);
            written++;
        }

        if (written > 0)
        {
            LogWritten(logger, written, leadId, crm.Name);
        }

        return WorkOutcome.Done($"{written} touch record(s) written");
    }

    /// <summary>One record per <c>marketing.touch</c> entry; a lead whose vendor said nothing about the touch gets one for its arrival.</summary>
    public static IReadOnlyList<CrmTouchRecord> Records(Lead lead, IReadOnlyList<TimelineEntry> timeline)
    {
        var touches = timeline.Where(e => e.Event == LeadEvents.MarketingTouch).ToList();
        if (touches.Count == 0 && timeline.FirstOrDefault(e => e.Event == LeadEvents.Received) is { } received)
        {
            touches.Add(received with { Detail = "Marketing touch." });
        }

        var first = touches.Count > 0 ? touches.Min(e => e.At) : default;
        return [.. touches.Select(entry => ToRecord(lead, entry, entry.At == first))];
    }

    private static CrmTouchRecord ToRecord(Lead lead, TimelineEntry entry, bool isFirst)
    {
        var source = isFirst ? lead.Source : SourcePattern().Match(entry.Detail) is { Success: true } m ? m.Groups[1].Value : lead.Source;
        var campaign = isFirst ? lead.Touch?.CampaignId ?? lead.Touch?.CampaignName ?? lead.Campaign
            : CampaignPattern().Match(entry.Detail) is { Success: true } c ? c.Groups[1].Value : null;
        var body = new StringBuilder()
            .Append("LeadSync marketing touch").AppendLine()
            .Append("Source: ").Append(source).AppendLine()
            .Append("Time: ").Append(entry.At.ToString("u", CultureInfo.InvariantCulture)).AppendLine()
            .Append(entry.Detail).AppendLine();
        if (isFirst && lead.Touch is { } touch)
        {
            Line(body, "Campaign", touch.CampaignName ?? touch.CampaignId ?? lead.Campaign);
            Line(body, "Form", touch.FormName ?? touch.FormId);
            Line(body, "Page", touch.PageUrl ?? touch.PageId);
            Line(body, "UTM", touch.UtmSource is null && touch.UtmCampaign is null ? null
                : $"source={touch.UtmSource} medium={touch.UtmMedium} campaign={touch.UtmCampaign} term={touch.UtmTerm} content={touch.UtmContent}");
        }

        if (isFirst && lead.Bant is { } bant)
        {
            Line(body, "Budget", bant.Budget);
            Line(body, "Authority", bant.Authority);
            Line(body, "Need", bant.Need);
            Line(body, "Timeline", bant.Timeline);
        }

        if (isFirst && lead.Score is { } score)
        {
            Line(body, "Score", score.ToString(CultureInfo.InvariantCulture));
        }

        body.Append("LeadSync lead: ").Append(lead.Id);
        return new CrmTouchRecord
        {
            Key = $"{lead.Id}|{entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            LeadId = lead.Id,
            CrmId = lead.CrmId!,
            Owner = lead.Owner,
            Source = source,
            At = entry.At,
            Campaign = campaign,
            Body = body.ToString(),
        };
    }

    private static void Line(StringBuilder body, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body.Append(label).Append(": ").Append(value).AppendLine();
        }
    }

    [GeneratedRegex(@"New submission from ([A-Za-z0-9_-]+)")]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"campaign ([^,]+?)(?:,|\.\s|\.$)")]
    private static partial Regex CampaignPattern();

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Wrote {Count} marketing touch record(s) for lead {LeadId} to {Crm}")]
    private static partial void LogWritten(ILogger logger, int count, string leadId, string crm);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Marketing touch record for lead {LeadId} not written to {Crm}: {Kind}")]
    private static partial void LogFailed(ILogger logger, string leadId, string crm, CrmOutcomeKind kind);
}
