using System.Collections.Concurrent;
using Azure.Data.Tables;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Intake;

/// <summary>
/// Storage calls, counted from the access log of an Azurite of its own: filing a delivery from a new address costs one
/// e-mail index call (the claim) where the looked-up path costs two (lookup, then the entry).
/// </summary>
public sealed class EmailClaimCostTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _log = new();
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_log.Enqueue);

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Filing_a_new_address_costs_one_index_call_and_one_storage_call_less_than_the_looked_up_path()
    {
        await using var claiming = TestServices.Create(_azurite.ConnectionString);
        await using var lookingUp = TestServices.Create(_azurite.ConnectionString);

        // Warm both up (tables, report day marks, the claim marker); the second one holds an entry stored before claims.
        await Pipeline.IntakeAsync(claiming, "warm@example.com");
        var legacy = await lookingUp.Get<StorageClients>().TableAsync(TableNames.LeadsByEmail, CancellationToken.None);
        await legacy.UpsertEntityAsync(new TableEntity(TableLeadEmailIndex.Partition("old@example.com"), "ld_old") { ["LeadId"] = "ld_old" });
        await Pipeline.IntakeAsync(lookingUp, "warm@example.com");

        var claimed = await CountAsync(claiming, () => Pipeline.IntakeAsync(claiming, "new@example.com"));
        var lookedUp = await CountAsync(lookingUp, () => Pipeline.IntakeAsync(lookingUp, "new@example.com"));

        // The claim is one entity inserted on its own (it carries the delivery's entry): no transaction.
        Assert.Equal("POST", Assert.Single(claimed, r => r.Contains("LeadsByEmail", StringComparison.Ordinal)).Split(' ')[0]);
        Assert.Single(lookedUp, r => r.Contains("LeadsByEmail", StringComparison.Ordinal) && r.StartsWith("GET", StringComparison.Ordinal));
        // Report day marks are written again when a write is slow (a loaded machine): not part of the comparison.
        Assert.Equal(lookedUp.Count(NotADayMark) - 1, claimed.Count(NotADayMark));
        Assert.Single(await CountAsync(claiming, () => claiming.Get<ILeadEmailIndex>().TryClaimAsync("newer@example.com", "ld_newer", CancellationToken.None)));
    }

    /// <summary>The requests (method and path) Azurite served while <paramref name="work"/> ran.</summary>
    private async Task<List<string>> CountAsync<T>(TestServices services, Func<Task<T>> work)
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

    private static bool NotADayMark(string request) => !request.Contains(TableNames.ReportDays, StringComparison.Ordinal);

    private static string Request(string line)
    {
        var start = line.IndexOf('"', StringComparison.Ordinal);
        var end = line.IndexOf(" HTTP/1", StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }
}
