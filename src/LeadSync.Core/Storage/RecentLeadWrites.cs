namespace LeadSync.Core.Storage;

/// <summary>
/// A small write-through memory of the lead versions this process has just stored, so the CRM sync of a lead filed a
/// moment ago needs no point read of it (issue 20). The lead store reports every write of a lead row:
/// <see cref="BeginWrite"/> before it (the entry goes: the stored version is about to change), <see cref="EndWrite"/>
/// after it with the version now stored, or null when the write failed, conflicted (412) or its outcome is unknown.
/// Two writes of one lead that overlap here leave nothing behind (their order is unknown); erasure calls
/// <see cref="Evict"/>. <see cref="Lead"/> is immutable throughout, so the instance handed out cannot be changed by a caller.
/// <para>
/// Only a sales-ready version is kept, the one status the sync acts on: a write that leaves the lead in any other status
/// (received and not qualified, or synced by the sync's own write) leaves nothing. At 100 leads/s a version kept for
/// every write held about 1,000 leads for 10 s each, long enough to be promoted out of the GC's young generation, and
/// most of them were already synced (README "Where the host's CPU goes").
/// </para>
/// <para>
/// Bounded: an entry is served for <see cref="MaxAge"/> after the write (counted on <see cref="TimeProvider"/>), and at
/// most <see cref="MaxEntries"/> entries and about <see cref="MaxBytes"/> bytes of leads are kept, the oldest write
/// leaving first.
/// </para>
/// <para>
/// Why a version written up to <see cref="MaxAge"/> ago is safe for the sync, although a write by another process or
/// instance is invisible here: the sync takes only its decision to upsert on it, and that decision always ends in a
/// write conditioned on this version's ETag, which fails on a row any process changed since; the lead is then read
/// again and decided again (<see cref="Leads.LeadMutator"/>), as when the change lands between today's read and the
/// CRM's answer. What no ETag undoes is the upsert itself: using this version moves the moment the sync saw the lead back
/// from its read to this process's write, by at most <see cref="MaxAge"/>. The upsert already reaches the CRM up to a
/// batch linger plus a call's attempt time-out (30 s by default, more with retries) after that read, so the window in
/// which another instance's change can be overtaken by the upsert grows by no more than it already is; the setting is
/// capped at 30 s for that reason. Decisions not to upsert write nothing an ETag could check and are always taken on a
/// fresh read.
/// </para>
/// </summary>
public sealed class RecentLeadWrites : IRecentLeadWrites
{
    /// <summary>The most entries kept.</summary>
    public const int DefaultMaxEntries = 4096;

    /// <summary>About how many bytes of leads are kept (8 MiB): a few thousand leads even with full raw payloads.</summary>
    public const long DefaultMaxBytes = 8L * 1024 * 1024;

    /// <summary>What one lead costs besides its long strings: the objects and their short fields.</summary>
    private const long FixedBytesPerLead = 1024;

    private readonly TimeProvider _time;
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _byWriteTime = new();
    private readonly Lock _gate = new();
    private long _bytes;

    /// <param name="maxAge">How long after its write a version is served; zero keeps nothing.</param>
    public RecentLeadWrites(TimeProvider time, TimeSpan maxAge, int maxEntries = DefaultMaxEntries, long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _time = time;
        MaxAge = maxAge;
        MaxEntries = maxEntries;
        MaxBytes = maxBytes;
    }

    public TimeSpan MaxAge { get; }

    public int MaxEntries { get; }

    public long MaxBytes { get; }

    /// <summary>Versions held now (expired ones included until they are next looked at).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byWriteTime.Count;
            }
        }
    }

    /// <summary>About how many bytes the versions held now take.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public Lead? Find(string leadId)
    {
        lock (_gate)
        {
            DropExpired();

            // Each entry's own age too: the order by write time assumes a clock that never steps back.
            return _slots.TryGetValue(leadId, out var slot) && _time.GetUtcNow() - slot.WrittenAt <= MaxAge ? slot.Lead : null;
        }
    }

    /// <summary>A write of the lead row starts: the version held goes; a second write in flight makes both unordered.</summary>
    public void BeginWrite(string leadId)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(leadId, out var slot))
            {
                slot = new Slot();
                _slots[leadId] = slot;
            }

            Drop(slot);
            slot.InFlight++;
            slot.Overlapped |= slot.InFlight > 1;
        }
    }

    /// <summary>
    /// The write <see cref="BeginWrite"/> announced has ended: <paramref name="stored"/> is the version now stored, with
    /// its ETag, or null when the write did not happen or its outcome is unknown. Called once per <see cref="BeginWrite"/>.
    /// </summary>
    public void EndWrite(string leadId, Lead? stored)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(leadId, out var slot) || slot.InFlight == 0)
            {
                throw new InvalidOperationException("EndWrite without BeginWrite.");
            }

            slot.InFlight--;
            if (stored is { ETag: not null, Status: LeadStatus.SalesReady } && !slot.Overlapped && MaxAge > TimeSpan.Zero)
            {
                Drop(slot);
                slot.Lead = stored;
                slot.WrittenAt = _time.GetUtcNow();
                slot.Bytes = ApproximateBytes(stored);
                slot.Node = _byWriteTime.AddLast(leadId);
                _bytes += slot.Bytes;
            }

            if (slot.InFlight == 0)
            {
                slot.Overlapped = false;
                if (slot.Lead is null)
                {
                    _slots.Remove(leadId);
                }
            }

            DropExpired();
            while (_byWriteTime.Count > MaxEntries || (_bytes > MaxBytes && _byWriteTime.Count > 0))
            {
                DropOldest();
            }
        }
    }

    /// <summary>Forgets the lead (erasure); a write of it in flight may still leave the version it stores.</summary>
    public void Evict(string leadId)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(leadId, out var slot))
            {
                Drop(slot);
                if (slot.InFlight == 0)
                {
                    _slots.Remove(leadId);
                }
            }
        }
    }

    /// <summary>The long strings (raw payload, attempts, page URL) count by length; everything else as a fixed share.</summary>
    internal static long ApproximateBytes(Lead lead) =>
        FixedBytesPerLead + (2L * ((lead.RawPayload?.Length ?? 0) + (lead.NativeAttempts?.Length ?? 0) + (lead.Touch?.PageUrl?.Length ?? 0)));

    private void DropExpired()
    {
        var now = _time.GetUtcNow();
        while (_byWriteTime.First is { } first && now - _slots[first.Value].WrittenAt > MaxAge)
        {
            DropOldest();
        }
    }

    private void DropOldest()
    {
        var leadId = _byWriteTime.First!.Value;
        var slot = _slots[leadId];
        Drop(slot);
        if (slot.InFlight == 0)
        {
            _slots.Remove(leadId);
        }
    }

    private void Drop(Slot slot)
    {
        if (slot.Node is not null)
        {
            _byWriteTime.Remove(slot.Node);
            _bytes -= slot.Bytes;
        }

        slot.Node = null;
        slot.Lead = null;
        slot.Bytes = 0;
    }

    private sealed class Slot
    {
        public Lead? Lead { get; set; }

        public DateTimeOffset WrittenAt { get; set; }

        public long Bytes { get; set; }

        public LinkedListNode<string>? Node { get; set; }

        public int InFlight { get; set; }

        public bool Overlapped { get; set; }
    }
}
