using System.Threading.Channels;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Crm;

/// <summary>
/// A CRM whose upsert calls the test observes one by one (and may hold until released); answers come from
/// <see cref="Answer"/>, by default success with a CRM id derived from the lead id.
/// </summary>
internal sealed class ScriptedCrmGateway(int maxUpsertBatch, bool holdCalls = false) : ICrmGateway
{
    private readonly Channel<ScriptedCrmCall> _calls = Channel.CreateUnbounded<ScriptedCrmCall>();
    private int _callCount;

    public string Name => "scripted";

    public int MaxUpsertBatch => maxUpsertBatch;

    public int CallCount => Volatile.Read(ref _callCount);

    /// <summary>What <see cref="CanCallWithoutWaiting"/> answers: false plays a rate limiter with no permit left.</summary>
    public bool LimiterHasPermit { get; set; } = true;

    public bool CanCallWithoutWaiting => LimiterHasPermit;

    public Func<IReadOnlyList<Lead>, IReadOnlyList<CrmUpsertResult>> Answer { get; set; } =
        leads => [.. leads.Select(l => new CrmUpsertResult(l.Id, CrmOutcome.Success, "crm-" + l.Id, "owner-1"))];

    public async Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var call = new ScriptedCrmCall(leads);
        Interlocked.Increment(ref _callCount);
        await _calls.Writer.WriteAsync(call, cancellationToken);
        if (holdCalls)
        {
            await call.Released.WaitAsync(cancellationToken);
        }

        return Answer(leads);
    }

    /// <summary>The next call made; the timeout only guards against a hung test run.</summary>
    public async Task<ScriptedCrmCall> NextCallAsync() =>
        await _calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The next call if one arrives within <paramref name="wait"/>, else null.</summary>
    public async Task<ScriptedCrmCall?> TryNextCallAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _calls.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    public Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
