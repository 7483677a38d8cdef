using System.Text;
using LeadSync.Core.Crm;
using LeadSync.Core.Crm.DeadLetters;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Web.Admin;
using LeadSync.Web.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>Issue 18: dead letters replayed in bulk through the admin route, with the admin's identity on each timeline.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterBulkReplayTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminKey = "admin-key-for-bulk-replay-tests";
    private readonly Mock<ICrmGateway> _crm = new();
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _crm.SetupGet(c => c.Name).Returns("refusing-crm");
        RefuseAll();
        _services = TestServices.Create(
            azurite.ConnectionString,
            new Dictionary<string, string?> { ["LeadSync:Admin:ApiKeys:0"] = AdminKeyHasher.Hash(AdminKey) },
            configure: s => s.AddSingleton(_crm.Object));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private void RefuseAll() =>
        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) => leads.Select(l => new CrmUpsertResult(l.Id,
                new CrmOutcome(CrmOutcomeKind.Permanent, l.Contact.Email!.StartsWith("nocompany", StringComparison.Ordinal)
                    ? "Salesforce 400 REQUIRED_FIELD_MISSING: Required fields are missing: [Company]"
                    : "Salesforce 400 INVALID_EMAIL_ADDRESS: Email: invalid email address"))).ToList());

    private async Task<IResult> PostAsync(string body)
    {
        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Request.Method = "POST";
        context.Request.Headers[AdminAuthorizer.KeyHeader] = AdminKey;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await _services.Get<AdminGate>().RunAsync(context.Request, () => _services.Get<DeadLetterEndpoints>().BulkReplayAsync(context.Request, CancellationToken.None));
    }

    [Fact]
    public async Task Replay_by_reason_takes_only_matching_dead_letters_and_puts_the_admin_on_each_timeline()
    {
        var missing = new[] { await Pipeline.IntakeAsync(_services, "nocompany1@example.com"), await Pipeline.IntakeAsync(_services, "nocompany2@example.com") };
        var other = await Pipeline.IntakeAsync(_services, "other@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        Assert.Equal(3, (await _services.Get<IDeadLetterStore>().ListAsync(10, CancellationToken.None)).Count);

        // The admin fixed the Company mapping; the CRM now takes the leads.
        _crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Lead> leads, CancellationToken _) => leads.Select(l => new CrmUpsertResult(l.Id, CrmOutcome.Success, "00Q-" + l.Id, "rep")).ToList());
        var result = Assert.IsType<Ok<DeadLetterBulkReplayResult>>(await PostAsync("""{"reason":"required_field_missing"}"""));
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        Assert.Equal((2, false), (result.Value!.Replayed, result.Value.More));
        var store = _services.Get<ILeadStore>();
        foreach (var id in missing)
        {
            Assert.Equal(LeadStatus.Synced, (await store.GetAsync(id, CancellationToken.None))!.Status);
            var replayed = Assert.Single(await store.GetTimelineAsync(id, CancellationToken.None), e => e.Event == LeadEvents.SyncReplayed);
            Assert.Equal("key:" + AdminKeyHasher.Hash(AdminKey)["sha256:".Length..][..12], replayed.Actor);
        }

        Assert.Equal(LeadStatus.SalesReady, (await store.GetAsync(other, CancellationToken.None))!.Status);

        // Replayed ones no longer match: a second call replays nothing.
        var again = Assert.IsType<Ok<DeadLetterBulkReplayResult>>(await PostAsync("""{"reason":"REQUIRED_FIELD_MISSING"}"""));
        Assert.Equal(0, again.Value!.Replayed);
    }

    [Fact]
    public async Task Replay_by_time_range_and_all()
    {
        var early = await Pipeline.IntakeAsync(_services, "early@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var cut = _services.Time.GetUtcNow() + TimeSpan.FromMinutes(30);
        _services.Time.Advance(TimeSpan.FromHours(1));
        var late = await Pipeline.IntakeAsync(_services, "late@example.com");
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);

        var ranged = Assert.IsType<Ok<DeadLetterBulkReplayResult>>(await PostAsync($$"""{"from":"{{cut:O}}"}"""));
        Assert.Equal([$"dl_{late}_001"], ranged.Value!.Ids);

        var all = Assert.IsType<Ok<DeadLetterBulkReplayResult>>(await PostAsync("""{"all":true}"""));
        Assert.Equal([$"dl_{early}_001"], all.Value!.Ids);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"all":false}""")]
    [InlineData("""{"from":"yesterday"}""")]
    [InlineData("""{"from":"2026-12-02T00:00:00Z","to":"2026-12-01T00:00:00Z"}""")]
    [InlineData("""{"reason":5}""")]
    [InlineData("""{"everything":true}""")]
    [InlineData("[]")]
    [InlineData("not json")]
    public async Task A_missing_or_invalid_filter_is_a_400_problem(string body)
    {
        var result = await PostAsync(body);

        var context = new DefaultHttpContext { RequestServices = _services.Services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }
}
