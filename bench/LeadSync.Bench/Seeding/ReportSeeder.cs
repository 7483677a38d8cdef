using LeadSync.Core.Leads;

namespace LeadSync.Bench.Seeding;

/// <summary>Leads with a closed-loop history (synced, touched, SLA result, attempts) spread over a range of days, for B8.</summary>
public static class ReportSeeder
{
    private static readonly string[] Sources = ["generic", "linkedin", "google-ads"];
    private static readonly LeadStatus[] Statuses =
    [
        LeadStatus.Contacted, LeadStatus.Converted, LeadStatus.Synced, LeadStatus.Recycled, LeadStatus.Disqualified,
        LeadStatus.Nurture, LeadStatus.Contacted, LeadStatus.Converted, LeadStatus.SalesReady, LeadStatus.Contacted,
    ];

    public static LeadChange Lead(int n, DateOnly first, int days)
    {
        var received = new DateTimeOffset(first.AddDays(n % days).ToDateTime(new TimeOnly(n % 24, n * 7 % 60)), TimeSpan.Zero);
        var status = Statuses[n % Statuses.Length];
        var synced = status is not (LeadStatus.Nurture or LeadStatus.SalesReady);
        var touched = status is LeadStatus.Contacted or LeadStatus.Converted or LeadStatus.Recycled;
        var syncedAt = synced ? received.AddSeconds(5 + n % 300) : (DateTimeOffset?)null;
        var touchedAt = touched ? syncedAt!.Value.AddMinutes(2 + n * 13 % 600) : (DateTimeOffset?)null;
        var lead = BenchLeads.Create("report", n, status, received) with
        {
            Source = Sources[n % Sources.Length],
            Campaign = $"campaign-{n % 5}",
            Owner = synced ? $"rep{n % 20}@example.com" : null,
            SyncedAt = syncedAt,
            SlaDueAt = synced ? received.AddHours(1) : null,
            FirstTouchAt = touchedAt,
            BusinessMinutesToFirstTouch = touched ? (int)(touchedAt!.Value - received).TotalMinutes * 2 / 3 : null,
            SlaMet = touched ? touchedAt <= received.AddHours(1) : status == LeadStatus.Synced ? false : null,
            ContactAttempts = touched ? 1 + n % 5 : 0,
        };
        return new LeadChange(lead, []);
    }
}
