namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Runs a storage call and turns every way storage can fail to answer — refused, reset, stalled (time-out), 5xx,
/// throttled (429/503), alone or wrapped in the SDK's <see cref="AggregateException"/> of retried tries — into
/// <see cref="Core.Storage.StorageUnavailableException"/>, so the caller answers a retryable 503 instead of a 500.
/// </summary>
internal static class StorageCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsUnavailable(ex))
        {
            throw new Core.Storage.StorageUnavailableException("Storage did not answer in time or refused the request.", ex);
        }
    }

    public static Task RunAsync(Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    /// <summary>True when <paramref name="exception"/> means storage is unreachable, stalled, failing or throttling.</summary>
    internal static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException => true,
        _ => false,
    };
}
