namespace LeadSync.Bench.Load;

/// <summary>Runs one load operation; a transport error counts as a failed operation instead of ending the run.</summary>
internal static class Attempt
{
    public static async Task<bool> RunAsync(Func<Task<bool>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
        {
            return false;
        }
    }
}
