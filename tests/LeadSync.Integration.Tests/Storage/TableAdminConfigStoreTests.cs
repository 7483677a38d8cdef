using LeadSync.Core.Admin;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableAdminConfigStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    private IAdminConfigStore Store => _services.Get<IAdminConfigStore>();

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Versions_count_up_and_the_history_lists_them_newest_first_without_secrets()
    {
        Assert.Null(await Store.GetCurrentAsync(AdminResources.Connections, CancellationToken.None));

        var first = await Store.SaveAsync(AdminResources.Connections, 0, "{\"secret\":\"s\"}", "{\"secretSet\":true}", "key:a", ["sources"], CancellationToken.None);
        var second = await Store.SaveAsync(AdminResources.Connections, 1, "{\"secret\":\"t\"}", "{\"secretSet\":true}", "entra:eve", ["crm"], CancellationToken.None);

        Assert.Equal(1, first.Saved!.Version);
        Assert.Equal(2, second.Saved!.Version);
        Assert.Equal("{\"secret\":\"t\"}", (await Store.GetCurrentAsync(AdminResources.Connections, CancellationToken.None))!.Json);
        var history = await Store.GetHistoryAsync(AdminResources.Connections, 10, CancellationToken.None);
        Assert.Equal([2, 1], history.Select(h => h.Version));
        Assert.Equal(["entra:eve", "key:a"], history.Select(h => h.ChangedBy));
        Assert.Equal(["crm"], history[0].Changes);
        Assert.All(history, h => Assert.DoesNotContain("\"secret\"", h.Json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_changes_nothing()
    {
        await Store.SaveAsync(AdminResources.Directory, 0, "{}", "{}", "key:a", [], CancellationToken.None);

        var stale = await Store.SaveAsync(AdminResources.Directory, 0, "{\"x\":1}", "{\"x\":1}", "key:b", [], CancellationToken.None);

        Assert.True(stale.IsConflict);
        Assert.Equal(1, (await Store.GetCurrentAsync(AdminResources.Directory, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Of_concurrent_saves_from_the_same_version_exactly_one_wins()
    {
        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Store.SaveAsync(AdminResources.Recycle, 0, $"{{\"n\":{i}}}", "{}", $"key:{i}", [], CancellationToken.None)));

        Assert.Single(saves, s => !s.IsConflict);
        Assert.Single(await Store.GetHistoryAsync(AdminResources.Recycle, 10, CancellationToken.None));
    }
}
