using LeadSync.Core.Admin;
using LeadSync.Core.Admin.Audit;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Web.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace LeadSync.Integration.Tests.Admin;

/// <summary>
/// The audit entry is written before the admin action runs: storage that cannot take it refuses the action (503,
/// nothing changed); an outcome that cannot be written after the action leaves the entry "started" and the answer stands.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditWriteAheadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Key = "audit-write-ahead-key";
    private readonly Mock<IAuditLog> _audit = new();
    private readonly List<AuditEntry> _written = [];
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?> { ["LeadSync:Admin:ApiKeys:0"] = AdminKeyHasher.Hash(Key) },
            configure: services => services.Replace(ServiceDescriptor.Singleton(_audit.Object)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<IResult> PutDirectoryAsync()
    {
        var body = """{"owners":{"ada":{"manager":"grace"}}}"""u8.ToArray();
        var context = new DefaultHttpContext();
        context.Request.Method = "PUT";
        context.Request.Headers[AdminAuthorizer.KeyHeader] = Key;
        context.Request.Headers.IfMatch = "*";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return await _services.Get<AdminGate>().RunAsync(context.Request,
            () => _services.Get<AdminConfigEndpoints>().PutAsync(context.Request, AdminResources.Directory, CancellationToken.None));
    }

    [Fact]
    public async Task When_the_audit_entry_cannot_be_written_the_change_is_refused_with_503_and_nothing_is_stored()
    {
        _audit.Setup(a => a.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException("down"));

        var result = await PutDirectoryAsync();

        Assert.StartsWith("503", AdminAudit.Outcome(result, null), StringComparison.Ordinal);
        Assert.Null(await _services.Get<IAdminConfigStore>().GetCurrentAsync(AdminResources.Directory, CancellationToken.None));
    }

    [Fact]
    public async Task When_only_the_outcome_cannot_be_written_the_change_stands_and_its_entry_stays_started()
    {
        _audit.Setup(a => a.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => _written.Add(e))
            .Returns(() => _written.Count == 1 ? Task.CompletedTask : Task.FromException(new StorageUnavailableException("down")));

        var result = await PutDirectoryAsync();

        Assert.StartsWith("200", AdminAudit.Outcome(result, null), StringComparison.Ordinal);
        Assert.NotNull(await _services.Get<IAdminConfigStore>().GetCurrentAsync(AdminResources.Directory, CancellationToken.None));
        Assert.Equal(2, _written.Count);
        Assert.Equal((AuditStatus.Started, AuditActions.ConfigChange, "config directory"), (_written[0].Status, _written[0].Action, _written[0].Target));
        Assert.StartsWith("key:", _written[0].Actor, StringComparison.Ordinal);
    }
}
