using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LeadSync.Core.Tests.Routing;

/// <summary>A real <see cref="LeadRouting"/> over in-memory parts: the directory from options only (no synced people), a given ledger and account lookup.</summary>
public static class TestLeadRouting
{
    public static LeadRouting Create(
        ILeadStore store, TimeProvider time, PeopleOptions people, RoutingOptions routing, IRoutingLedger ledger, ICrmAccountLookup? accounts = null, string crm = "salesforce")
    {
        var peopleStore = new Mock<IPeopleStore>();
        peopleStore.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SyncedPeople.None);
        var source = new PeopleDirectorySource(peopleStore.Object, new FixedOptionsMonitor<PeopleOptions>(people), new FixedOptionsMonitor<SlaOptions>(new SlaOptions()),
            new FixedOptionsMonitor<CrmOptions>(new CrmOptions { Provider = crm }), time, NullLogger<PeopleDirectorySource>.Instance);
        var options = new FixedOptionsMonitor<RoutingOptions>(routing);
        return new LeadRouting(source, ledger, new AccountLookupCache(accounts ?? Mock.Of<ICrmAccountLookup>(), options, time), options,
            new RoundTheClockSlaPolicy(new FixedOptionsMonitor<SlaOptions>(new SlaOptions())), store, new LeadMutator(store, time), time, NullLogger<LeadRouting>.Instance);
    }
}
