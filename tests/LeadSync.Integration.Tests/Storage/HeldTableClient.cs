using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// A table client that records each upsert and transaction it is asked for, and can hold its first call until
/// released (so the test knows what queued behind it) or fail every call.
/// </summary>
internal sealed class HeldTableClient : TableClient
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public HeldTableClient(bool holdFirstCall) => HoldFirstCall = holdFirstCall;

    public bool HoldFirstCall { get; }

    public Exception? Failure { get; set; }

    /// <summary>Rows of each call, in call order (a plain upsert is a call of one row).</summary>
    public ConcurrentQueue<IReadOnlyList<TableEntity>> Calls { get; } = new();

    public Task FirstCallStarted => _firstCall.Task;

    public void Release() => _release.TrySetResult();

    public override async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        await RecordAsync([(TableEntity)(object)entity]);
        return null!;
    }

    public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        var actions = transactionActions.ToList();
        Assert.All(actions, a => Assert.Equal(TableTransactionActionType.UpsertReplace, a.ActionType));
        await RecordAsync([.. actions.Select(a => (TableEntity)a.Entity)]);
        return null!;
    }

    private async Task RecordAsync(IReadOnlyList<TableEntity> rows)
    {
        Calls.Enqueue(rows);
        if (Interlocked.Increment(ref _calls) == 1)
        {
            _firstCall.TrySetResult();
            if (HoldFirstCall)
            {
                await _release.Task;
            }
        }

        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
