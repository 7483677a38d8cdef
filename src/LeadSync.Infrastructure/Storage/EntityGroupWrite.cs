namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Writes the actions of one partition as one entity-group transaction, or, when there is only one, as the plain request
/// for it: the same outcome (and the same error status: a failed single write throws the
/// <see cref="RequestFailedException"/> that <see cref="TableTransactionFailedException"/> derives from) without the
/// multipart body the SDK writes and parses for a <c>$batch</c>, which is most of what a storage request allocates.
/// </summary>
internal static class EntityGroupWrite
{
    /// <summary>Submits <paramref name="actions"/>; returns the ETag the first action's entity was written with.</summary>
    public static async Task<ETag?> SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 1 && actions[0] is { ActionType: TableTransactionActionType.Add or TableTransactionActionType.UpdateReplace } only)
        {
            var entity = only.Entity;
            var response = await StorageCall.RunAsync(
                () => only.ActionType == TableTransactionActionType.Add
                    ? table.AddEntityAsync(entity, cancellationToken)
                    : table.UpdateEntityAsync(entity, only.ETag, TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return response.Headers.ETag;
        }

        var answer = await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
        return answer.Value[0].Headers.ETag;
    }
}
