using System.Collections.Concurrent;
using Azure.Data.Tables;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// An Azurite of its own whose access log is kept: <see cref="RequestsDuringAsync"/> answers which requests (method and
/// path) it served while some work ran, for tests that count storage requests.
/// </summary>
public sealed class AzuriteRequestLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private AzuriteProcess _azurite = null!;

    public string ConnectionString => _azurite.ConnectionString;

    public static async Task<AzuriteRequestLog> StartAsync()
    {
        var log = new AzuriteRequestLog();
        log._azurite = await AzuriteProcess.StartAsync(log._log.Enqueue);
        return log;
    }

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    /// <summary>The requests (method and path) Azurite served while <paramref name="work"/> ran.</summary>
    public async Task<List<string>> RequestsDuringAsync(TestServices services, Func<Task> work)
    {
        var sentinel = await services.Get<StorageClients>().TableAsync("Sentinel", CancellationToken.None);
        await SettleAsync(sentinel);
        _log.Clear();
        await work();
        await SettleAsync(sentinel);
        return [.. _log.Select(Request).Where(r => !r.Contains("Sentinel", StringComparison.Ordinal))];
    }

    /// <summary>Waits until a request made now shows in the log: every earlier request's line is there too.</summary>
    private async Task SettleAsync(TableClient sentinel)
    {
        var key = Guid.NewGuid().ToString("N");
        await sentinel.GetEntityIfExistsAsync<TableEntity>("s", key);
        for (var i = 0; i < 200 && !_log.Any(l => l.Contains(key, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(25);
        }
    }

    private static string Request(string line)
    {
        var start = line.IndexOf('"', StringComparison.Ordinal);
        var end = line.IndexOf(" HTTP/1", StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }
}
