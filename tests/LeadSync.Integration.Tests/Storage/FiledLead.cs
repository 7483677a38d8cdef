using LeadSync.Core.Leads;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>A generic delivery's new lead as filing stores it: received, then qualified sales-ready, with both entries.</summary>
internal static class FiledLead
{
    public static LeadChange SalesReady(string key, DateTimeOffset at, ContactDetails contact, int? score = null)
    {
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", key),
            Source = "generic",
            DeliveryKey = key,
            ReceivedAt = at,
            StatusChangedAt = at,
            Contact = contact,
            Score = score,
        };
        var ready = LeadLifecycle.Transition(lead, LeadStatus.SalesReady, at, "qualification", score is null ? "no score: sales-ready by default" : $"score {score}");
        return new LeadChange(ready.Lead, [new TimelineEntry(at, "intake", LeadEvents.Received, "Received from generic."), .. ready.Entries]);
    }
}
