namespace LeadSync.Core.Crm;

/// <summary>
/// One lead waiting in <see cref="CrmUpsertBatcher"/> for its batch, and the callers awaiting its result (several when
/// the same lead was submitted twice before its batch went). Mutated only under the batcher's lock.
/// </summary>
internal sealed class PendingUpsert(Lead lead)
{
    private readonly TaskCompletionSource<CrmUpsertResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The latest snapshot submitted for the lead: a later submission carries the fresher data.</summary>
    public Lead Lead { get; set; } = lead;

    /// <summary>Callers still awaiting the result; a batch leaves out entries nobody waits for any more.</summary>
    public int Waiters { get; set; } = 1;

    public Task<CrmUpsertResult> Result => _result.Task;

    public void Complete(CrmUpsertResult result) => _result.TrySetResult(result);

    public void Fail(Exception exception) => _result.TrySetException(exception);

    public void Abandon() => _result.TrySetCanceled();
}
