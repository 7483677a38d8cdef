using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests;

/// <summary>Test-data builder for leads.</summary>
public sealed class LeadBuilder
{
    private Lead _lead = new()
    {
        Id = LeadIdFactory.FromDelivery("generic", Guid.NewGuid().ToString()),
        Source = "generic",
        DeliveryKey = "msg_test",
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        StatusChangedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        Contact = new ContactDetails { Email = "ada@example.com", FirstName = "Ada", LastName = "Lovelace", Company = "Analytical" },
        ETag = "W/\"1\"",
    };

    public LeadBuilder WithStatus(LeadStatus status)
    {
        _lead = _lead with { Status = status };
        return this;
    }

    public LeadBuilder ReceivedAt(DateTimeOffset at)
    {
        _lead = _lead with { ReceivedAt = at, StatusChangedAt = at };
        return this;
    }

    public LeadBuilder With(Func<Lead, Lead> change)
    {
        _lead = change(_lead);
        return this;
    }

    public Lead Build() => _lead;
}
