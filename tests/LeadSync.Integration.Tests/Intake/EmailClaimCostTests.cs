using Azure.Data.Tables;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Integration.Tests.Storage;

namespace LeadSync.Integration.Tests.Intake;

/// <summary>
/// Storage calls, counted from the access log of an Azurite of its own: filing a delivery from a new address costs one
/// e-mail index call (the claim) where the looked-up path costs two (lookup, then the entry).
/// </summary>
public sealed class EmailClaimCostTests : IAsyncLifetime
{
    private AzuriteRequestLog _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteRequestLog.StartAsync();

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

    private Task<List<string>> CountAsync<T>(TestServices services, Func<Task<T>> work) => _azurite.RequestsDuringAsync(services, work);

    private static bool NotADayMark(string request) => !request.Contains(TableNames.ReportDays, StringComparison.Ordinal);
}
