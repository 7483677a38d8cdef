using LeadSync.Core.Leads;
using LeadSync.Core.Storage;

namespace LeadSync.Integration.Tests.Crm.Changes;

/// <summary>Stores a lead as the sync would have left it (Synced, with its CRM id and owner) and indexes its e-mail.</summary>
public static class SyncedLeads
{
    public static async Task<Lead> StoreAsync(TestServices services, string email, string crmId, string? owner = null)
    {
        var key = Guid.NewGuid().ToString("N");
        var now = services.Time.GetUtcNow();
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", key),
            Source = "generic",
            DeliveryKey = key,
            ReceivedAt = now,
            StatusChangedAt = now,
            Contact = new ContactDetails { Email = email, LastName = "Test" },
            Status = LeadStatus.Synced,
            CrmId = crmId,
            Owner = owner,
            SyncedAt = now,
        };
        var created = await services.Get<ILeadStore>().CreateAsync(new LeadChange(lead, [new TimelineEntry(now, "test", LeadEvents.Synced, "Seeded as synced.")]), CancellationToken.None);
        await services.Get<ILeadEmailIndex>().AddAsync(email, lead.Id, lead.Id, CancellationToken.None);
        return created.Lead;
    }
}
