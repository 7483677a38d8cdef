using Azure;

namespace LeadSync.Infrastructure.Storage;

/// <summary>Runs a storage call and turns "storage is unreachable" into <see cref="Core.Storage.StorageUnavailableException"/>.</summary>
internal static class StorageCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException ex) when (ex.Status == 0 || ex.Status >= 500)
        {
            throw new Core.Storage.StorageUnavailableException("Storage did not answer.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new Core.Storage.StorageUnavailableException("Storage is unreachable.", ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException))
        {
            throw new Core.Storage.StorageUnavailableException("Storage is unreachable.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Core.Storage.StorageUnavailableException("Storage timed out.", ex);
        }
    }

    public static Task RunAsync(Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await call();
            return true;
        }, cancellationToken);
}
