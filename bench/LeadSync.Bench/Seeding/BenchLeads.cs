using System.Globalization;
using LeadSync.Core.Leads;

namespace LeadSync.Bench.Seeding;

/// <summary>Leads as intake would have stored them, for seeding tables directly.</summary>
public static class BenchLeads
{
    public static Lead Create(string runTag, int n, LeadStatus status, DateTimeOffset receivedAt)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"msg_{runTag}_{n}");
        return new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", key),
            Source = "generic",
            DeliveryKey = key,
            ReceivedAt = receivedAt,
            StatusChangedAt = receivedAt,
            Status = status,
            Contact = new ContactDetails
            {
                Email = Load.SignedWebhooks.Email(runTag, n),
                FirstName = "Ada",
                LastName = string.Create(CultureInfo.InvariantCulture, $"Bench{n}"),
                Company = "Analytical Engines",
                Country = "GB",
            },
        };
    }
}
