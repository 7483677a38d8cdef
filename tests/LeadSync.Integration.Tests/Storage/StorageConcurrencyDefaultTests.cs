using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// Unset, the limit on open storage requests is sized for the storage configured: 16 against the local emulator (one
/// thread: requests in flight queue inside it), 64 against a storage account; a value set is used as it is.
/// </summary>
public sealed class StorageConcurrencyDefaultTests
{
    private const string Account = "DefaultEndpointsProtocol=https;AccountName=leadsyncprod;AccountKey=a2V5;EndpointSuffix=core.windows.net";

    public static TheoryData<string?, string?, int> Targets => new()
    {
        { "UseDevelopmentStorage=true", null, StorageOptions.EmulatorConcurrentRequests },
        { $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};TableEndpoint=http://127.0.0.1:41000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1", null, StorageOptions.EmulatorConcurrentRequests },
        { "DefaultEndpointsProtocol=http;AccountName=dev;AccountKey=a2V5;TableEndpoint=http://localhost:10002/dev;QueueEndpoint=http://localhost:10001/dev", null, StorageOptions.EmulatorConcurrentRequests },
        { Account, null, StorageOptions.AccountConcurrentRequests },
        { "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;TableEndpoint=https://acct.table.core.windows.net/", null, StorageOptions.AccountConcurrentRequests },
        { null, "http://127.0.0.1:10002/devstoreaccount1", StorageOptions.EmulatorConcurrentRequests },
        { null, "https://leadsyncprod.table.core.windows.net/", StorageOptions.AccountConcurrentRequests },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Unset_the_limit_follows_the_storage_configured(string? connectionString, string? tableServiceUri, int expected)
    {
        var options = new StorageOptions { ConnectionString = connectionString, TableServiceUri = tableServiceUri is null ? null : new Uri(tableServiceUri) };

        Assert.Equal(expected, options.ConcurrentRequestLimit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(64)]
    public void A_value_set_is_used_against_the_emulator_too(int configured)
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", MaxConcurrentRequests = configured };

        Assert.Equal(configured, options.ConcurrentRequestLimit);
    }

    [Fact]
    public void The_request_path_reserve_must_stay_below_the_limit_in_force()
    {
        var validator = new StorageOptionsValidator();

        var tooLarge = validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", RequestPathReserve = 16 });
        Assert.True(tooLarge.Failed);
        Assert.Contains("unset: 16 against the local emulator, 64 against a storage account", tooLarge.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new StorageOptions { ConnectionString = Account, RequestPathReserve = 16 }).Succeeded);
        Assert.True(validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", RequestPathReserve = 15 }).Succeeded);
    }
}
