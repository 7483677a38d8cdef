using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>
/// The set-up the sync tests on Azurite share: a mocked CRM (<c>test-crm</c>, batch calls of up to 100 leads, no client
/// limiter to wait for) whose batch calls <see cref="Answering"/> answers, and the services around it on the system
/// clock (the batcher's linger is real time) with a short batch linger.
/// </summary>
internal static class MockCrm
{
    public const string Name = "test-crm";

    /// <summary>A CRM whose every batch call is answered by <paramref name="answer"/>.</summary>
    public static Mock<ICrmGateway> Answering(Func<IReadOnlyList<Lead>, CancellationToken, Task<IReadOnlyList<CrmUpsertResult>>> answer)
    {
        var crm = new Mock<ICrmGateway>();
        crm.SetupGet(c => c.Name).Returns(Name);
        crm.SetupGet(c => c.MaxUpsertBatch).Returns(100);
        crm.SetupGet(c => c.CanCallWithoutWaiting).Returns(true);
        crm.Setup(c => c.UpsertAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>())).Returns(answer);
        return crm;
    }

    /// <summary>A CRM that answers each lead of a batch call by <paramref name="answer"/>.</summary>
    public static Mock<ICrmGateway> AnsweringEach(Func<Lead, CrmUpsertResult> answer) =>
        Answering((leads, _) => Task.FromResult<IReadOnlyList<CrmUpsertResult>>([.. leads.Select(answer)]));

    /// <summary>What a CRM that takes the lead answers: record <c>crm-{id}</c>, owner <c>rep</c>.</summary>
    public static CrmUpsertResult Taken(Lead lead) => new(lead.Id, CrmOutcome.Success, "crm-" + lead.Id, "rep");

    /// <summary>The services with <paramref name="crm"/> as the CRM, a batch linger of <paramref name="linger"/> and <paramref name="settings"/>.</summary>
    public static TestServices Services(
        AzuriteFixture azurite, Mock<ICrmGateway> crm, IDictionary<string, string?>? settings = null, string linger = "00:00:00.020", Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["LeadSync:Crm:BatchLinger"] = linger };
        return TestServices.Create(azurite.ConnectionString, all, start: DateTimeOffset.UtcNow, configure: s =>
        {
            s.AddSingleton(crm.Object).AddSingleton(TimeProvider.System);
            configure?.Invoke(s);
        });
    }
}
