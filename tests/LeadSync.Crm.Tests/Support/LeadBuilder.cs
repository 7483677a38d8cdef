using LeadSync.Core.Leads;

namespace LeadSync.Crm.Tests.Support;

/// <summary>Test-data builder for sales-ready leads.</summary>
public sealed class LeadBuilder
{
    private Lead _lead;

    public LeadBuilder(int n = 0)
    {
        var key = Guid.NewGuid().ToString("N");
        _lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", key),
            Source = "generic",
            DeliveryKey = key,
            ReceivedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            StatusChangedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            Status = LeadStatus.SalesReady,
            Contact = new ContactDetails
            {
                Email = $"ada{n}.{key[..6]}@example.com",
                FirstName = "Ada",
                LastName = "Lovelace",
                Company = "Analytical Engines",
                Phone = "+44 20 7946 0000",
                Title = "Mathematician",
                Country = "GB",
            },
        };
    }

    public static List<Lead> Many(int count) => [.. Enumerable.Range(0, count).Select(i => new LeadBuilder(i).Build())];

    public LeadBuilder With(Func<Lead, Lead> change)
    {
        _lead = change(_lead);
        return this;
    }

    public LeadBuilder WithContact(Func<ContactDetails, ContactDetails> change)
    {
        _lead = _lead with { Contact = change(_lead.Contact) };
        return this;
    }

    public Lead Build() => _lead;
}
