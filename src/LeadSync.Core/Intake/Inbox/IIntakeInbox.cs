namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// Durable storage of accepted deliveries not yet filed as leads. Writing one is the only storage call on the request
/// path: the sender gets its 202 after <see cref="AddAsync"/> returns.
/// </summary>
public interface IIntakeInbox
{
    Task AddAsync(InboxDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> deliveries received before <paramref name="receivedBefore"/>, oldest first per partition.</summary>
    Task<IReadOnlyList<InboxDelivery>> ListAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken);

    /// <summary>The delivery stored under <paramref name="id"/>, or null when it is gone (filed).</summary>
    Task<InboxDelivery?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The deliveries of <paramref name="ids"/> still stored (a filed one is gone): those of one arrival second with one
    /// read, not one read each.
    /// </summary>
    Task<IReadOnlyList<InboxDelivery>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Removes a filed delivery; removing one that is already gone is not an error.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);
}
