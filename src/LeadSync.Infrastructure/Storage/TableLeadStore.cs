namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Leads in Azure Table Storage, one partition per lead, so the lead row, its timeline and its notices change in one
/// entity-group transaction. Updates are conditioned on the lead row's ETag. After each write the lead's report row
/// (<see cref="TableFunnelIndex"/>) is upserted; rows written while another write to the same day is in flight share a transaction (<see cref="PartitionWriteCoalescer"/>).
/// Every write of a lead row goes through <see cref="RecentWrites"/> (write-through; a conflict or erasure leaves nothing
/// there); <see cref="GetAsync(string, CancellationToken)"/> always reads storage, only the CRM sync looks there first.
/// </summary>
public sealed class TableLeadStore(StorageClients clients, TimeProvider timeProvider, IOptions<StorageOptions>? options = null)
    : ILeadStore, INoticeStore, ILeadEraser
{
    /// <summary>The lead versions this store has just written (<see cref="StorageOptions.RecentLeadsMaxAge"/>).</summary>
    public RecentLeadWrites RecentWrites { get; } = new(timeProvider, (options?.Value ?? new StorageOptions()).RecentLeadsMaxAge);

    /// <summary>
    /// Erases the lead's personal data (contact, raw payload, answers, consent, touch details) in one ETag-conditioned
    /// write with a <c>privacy.erased</c> timeline entry, blanking in that write the details of the entries on the lead
    /// row that carry touch URLs or the contact's e-mail, phone or name, then those of the lead's entry rows. The anonymized record keeps id, source, status, times, campaign and
    /// owner for reporting and redelivery dedupe. Erasing an erased lead changes nothing.
    /// </summary>
    public async Task<LeadEraseResult?> EraseAsync(string leadId, string actor, string reason, CancellationToken cancellationToken)
    {
        try
        {
            return await EraseLeadAsync(leadId, actor, reason, cancellationToken);
        }
        finally
        {
            // Whatever happened: no version of an erased (or half-erased) lead is served from memory afterwards.
            RecentWrites.Evict(leadId);
        }
    }

    private async Task<LeadEraseResult?> EraseLeadAsync(string leadId, string actor, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var lead = await GetAsync(leadId, cancellationToken);
            if (lead is null)
            {
                return null;
            }

            var needles = Needles(lead.Contact);
            var (onRow, redactedOnRow) = LeadRowTimeline.Redact(lead.StoredTimeline, e => Identifies(e.Event, e.Detail, needles), ErasedDetail);
            if (IsErased(lead))
            {
                if (redactedOnRow > 0 && (await UpdateAsync(new LeadChange(lead with { StoredTimeline = onRow }, []), cancellationToken)).Status == LeadUpdateStatus.Conflict)
                {
                    continue;
                }

                return new LeadEraseResult(lead, AlreadyErased: true, redactedOnRow + await RedactTimelineAsync(leadId, needles, cancellationToken));
            }

            var now = timeProvider.GetUtcNow();
            var erased = lead with
            {
                Contact = new ContactDetails { Country = lead.Contact.Country },
                RawPayload = null,
                Bant = null,
                Consent = null,
                Touch = null,
                EnrichmentKey = null,
                StoredTimeline = onRow,
            };
            var change = new LeadChange(erased, [new TimelineEntry(now, actor, LeadEvents.Erased, $"Personal data erased: {reason}")]);
            if ((await UpdateAsync(change, cancellationToken)).Status != LeadUpdateStatus.Conflict)
            {
                return new LeadEraseResult(lead, AlreadyErased: false, redactedOnRow + await RedactTimelineAsync(leadId, needles, cancellationToken));
            }
        }

        throw new StorageUnavailableException("The lead kept changing while it was being erased; retry.");
    }

    /// <summary>Text on the lead that identifies the person: e-mail, phone, full name.</summary>
    private static string[] Needles(ContactDetails contact) =>
        new[] { contact.Email, contact.Phone, $"{contact.FirstName} {contact.LastName}".Trim() }
            .Where(n => !string.IsNullOrWhiteSpace(n) && n.Length >= 3).Select(n => n!).ToArray();

    /// <summary>An entry whose detail must go at erasure: a marketing touch (its URLs), or one naming the person.</summary>
    private static bool Identifies(string? @event, string detail, string[] needles) =>
        @event == LeadEvents.MarketingTouch || needles.Any(n => detail.Contains(n, StringComparison.OrdinalIgnoreCase));

    private static bool IsErased(Lead lead) =>
        lead.Contact.Email is null && lead.Contact.Phone is null && lead.Contact.FirstName is null && lead.Contact.LastName is null &&
        lead.RawPayload is null && lead.Touch is null;

    private async Task<int> RedactTimelineAsync(string leadId, string[] needles, CancellationToken cancellationToken)
    {
        var rows = await QueryRowsAsync(leadId, LeadEntityMapper.TimelinePrefix, cancellationToken);
        var redact = rows.Where(r =>
        {
            var detail = r.GetString("Detail") ?? string.Empty;
            return detail != ErasedDetail && Identifies(r.GetString("Event"), detail, needles);
        }).ToList();
        if (redact.Count == 0)
        {
            return 0;
        }

        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        foreach (var chunk in redact.Chunk(100))
        {
            var actions = chunk.Select(r => new TableTransactionAction(
                TableTransactionActionType.UpdateMerge, new TableEntity(r.PartitionKey, r.RowKey) { ["Detail"] = ErasedDetail }, ETag.All));
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
        }

        return redact.Count;
    }

    /// <summary>What an erased timeline entry's detail reads.</summary>
    public const string ErasedDetail = "[erased]";

    public async Task<LeadCreateResult> CreateAsync(LeadChange change, CancellationToken cancellationToken)
    {
        // Leads created in the same second share a report-index shard, so their index rows share transactions.
        change = change.Lead.IndexShard is null ? change with { Lead = change.Lead with { IndexShard = LeadShard.OfSecond(timeProvider.GetUtcNow()) } } : change;

        // A new lead starts its own timeline array (never a copy's): its first entries are written inside the lead row.
        var onRow = LeadRowTimeline.TryAppend(LeadRowTimeline.Empty, change.Entries);
        change = change with { Lead = change.Lead with { StoredTimeline = onRow ?? LeadRowTimeline.Empty } };
        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        var row = LeadEntityMapper.ToEntity(change.Lead);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
        if (onRow is null)
        {
            actions.AddRange(EntryRows(change.Lead.Id, change.Entries));
        }

        RecentWrites.BeginWrite(change.Lead.Id);
        Lead? stored = null;
        try
        {
            var written = await EntityGroupWrite.SubmitAsync(table, actions, cancellationToken);
            var etag = written ?? default;
            stored = AsStored(row, written);
            await TableFunnelIndex.UpsertAsync(clients, change.Lead, cancellationToken);
            return new LeadCreateResult(change.Lead with { ETag = etag.ToString() }, AlreadyExisted: false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Not this process's write: the version read back is not kept (only writes are).
            var existing = await GetAsync(change.Lead.Id, cancellationToken)
                ?? throw new StorageUnavailableException("The lead conflicted but could not be read back.", ex);

            // A redelivery repairs a report row that an earlier attempt did not get to write.
            await TableFunnelIndex.UpsertAsync(clients, existing, cancellationToken);
            return new LeadCreateResult(existing, AlreadyExisted: true);
        }
        finally
        {
            RecentWrites.EndWrite(change.Lead.Id, stored);
        }
    }

    /// <summary>Timeline entries as rows of their own (<c>t|</c>), for entries that do not go on the lead row.</summary>
    private static IEnumerable<TableTransactionAction> EntryRows(string leadId, IReadOnlyList<TimelineEntry> entries) =>
        entries.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, LeadEntityMapper.ToEntity(leadId, e, i)));

    /// <summary>
    /// What a read of the row just written returns: the written row mapped back, with the ETag the write answered (null
    /// without one: then nothing is kept).
    /// </summary>
    private static Lead? AsStored(TableEntity written, ETag? etag)
    {
        if (etag is not { } tag)
        {
            return null;
        }

        written.ETag = tag;
        return LeadEntityMapper.ToLead(written);
    }

    public async Task<Lead?> GetAsync(string leadId, CancellationToken cancellationToken)
    {
        if (!LeadIdFactory.IsWellFormed(leadId))
        {
            return null;
        }

        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        var response = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(leadId, LeadEntityMapper.LeadRowKey, cancellationToken: cancellationToken),
            cancellationToken);
        EntityReads.Add(TableNames.Leads, EntityReads.Point, response.HasValue ? 1 : 0);
        return response.HasValue ? LeadEntityMapper.ToLead(response.Value!) : null;
    }

    /// <summary>
    /// The entries on the lead row and the lead's entry rows (one query for both), in time order; entries of the same
    /// time keep the order they were written in.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string leadId, CancellationToken cancellationToken)
    {
        var rows = await QueryRowsAsync(leadId, LeadEntityMapper.TimelinePrefix, cancellationToken, withLeadRow: true);
        var onRow = rows.Find(r => r.RowKey == LeadEntityMapper.LeadRowKey)?.GetString("Timeline");
        return LeadRowTimeline.Read(onRow)
            .Concat(rows.Where(r => r.RowKey != LeadEntityMapper.LeadRowKey).Select(LeadEntityMapper.ToTimelineEntry))
            .OrderBy(e => e.At)
            .ToList();
    }

    public async Task<LeadUpdateResult> UpdateAsync(LeadChange change, CancellationToken cancellationToken)
    {
        var lead = change.Lead;
        var decidedOn = lead.ETag ?? throw new ArgumentException("An update needs the ETag of the version it was decided on.", nameof(change));

        // The entries go into the row's timeline array while it has room (the version read carries it, and the ETag
        // condition makes the append safe); otherwise, and for a lead stored before the array, each is a row.
        var onRow = LeadRowTimeline.TryAppend(lead.StoredTimeline, change.Entries);
        lead = onRow is null ? lead : lead with { StoredTimeline = onRow };
        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        var row = LeadEntityMapper.ToEntity(lead);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, row, new ETag(decidedOn)),
        };
        if (onRow is null)
        {
            actions.AddRange(EntryRows(lead.Id, change.Entries));
        }

        actions.AddRange(change.Notices.Select(n => new TableTransactionAction(TableTransactionActionType.Add, LeadEntityMapper.ToEntity(n))));

        // Write-through: the version held goes now; the one stored comes back only if this write succeeds. A conflict
        // (412, or 409 on a notice), a missing lead or a failure leaves nothing held, so the next sync reads storage.
        RecentWrites.BeginWrite(lead.Id);
        Lead? stored = null;
        try
        {
            var written = await EntityGroupWrite.SubmitAsync(table, actions, cancellationToken);
            var etag = written ?? default;
            stored = AsStored(row, written);
            await TableFunnelIndex.UpsertAsync(clients, lead, cancellationToken);
            return LeadUpdateResult.Updated(lead with { ETag = etag.ToString() });
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 409)
        {
            // 412: the lead changed since it was read. 409: a notice for this level already exists (another sweep won).
            return LeadUpdateResult.Conflict;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return LeadUpdateResult.NotFound;
        }
        finally
        {
            RecentWrites.EndWrite(lead.Id, stored);
        }
    }

    public async Task AppendTimelineAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        await StorageCall.RunAsync(() => table.AddEntityAsync(LeadEntityMapper.ToEntity(leadId, entry, 0), cancellationToken), cancellationToken);
    }

    public async Task<EscalationNotice?> GetAsync(string leadId, int level, CancellationToken cancellationToken)
    {
        // The level's rows of every cycle sort together; the latest cycle's is the one a message refers to.
        var rows = await QueryRowsAsync(leadId, LeadEntityMapper.NoticeRowKey(level), cancellationToken);
        return rows.Select(LeadEntityMapper.ToNotice).Where(n => n.Level == level).MaxBy(n => n.Cycle);
    }

    public async Task<IReadOnlyList<EscalationNotice>> ListUnsentAsync(string leadId, CancellationToken cancellationToken)
    {
        var rows = await QueryRowsAsync(leadId, LeadEntityMapper.NoticePrefix, cancellationToken);
        return rows.Select(LeadEntityMapper.ToNotice).Where(n => !n.IsSent).ToList();
    }

    public async Task<bool> UpdateAsync(EscalationNotice notice, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        try
        {
            await StorageCall.RunAsync(
                () => table.UpdateEntityAsync(LeadEntityMapper.ToEntity(notice), new ETag(notice.ETag ?? "*"), TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task<List<TableEntity>> QueryRowsAsync(string leadId, string prefix, CancellationToken cancellationToken, bool withLeadRow = false)
    {
        if (!LeadIdFactory.IsWellFormed(leadId))
        {
            return [];
        }

        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = withLeadRow
            ? TableClient.CreateQueryFilter($"PartitionKey eq {leadId} and (RowKey eq {LeadEntityMapper.LeadRowKey} or (RowKey ge {prefix} and RowKey lt {upper}))")
            : TableClient.CreateQueryFilter($"PartitionKey eq {leadId} and RowKey ge {prefix} and RowKey lt {upper}");
        var found = await StorageCall.RunAsync(async () =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }, cancellationToken);
        EntityReads.Add(TableNames.Leads, EntityReads.Query, found.Count);
        return found;
    }
}
