namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>
/// Remembers that the daily allocation is spent (a DAILY 429 or <c>X-HubSpot-RateLimit-Daily-Remaining: 0</c>) so no
/// further call is made until midnight in the account's time zone.
/// </summary>
internal sealed class HubSpotDailyQuota(IOptionsMonitor<HubSpotOptions> options, TimeProvider time)
{
    private long _exhaustedUntilTicks;

    public TimeSpan? Remaining
    {
        get
        {
            var until = new DateTimeOffset(Interlocked.Read(ref _exhaustedUntilTicks), TimeSpan.Zero);
            var now = time.GetUtcNow();
            return until > now ? until - now : null;
        }
    }

    /// <summary>Time until the next midnight in the account's time zone.</summary>
    public TimeSpan UntilReset()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.CurrentValue.AccountTimeZone);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var nextMidnight = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified).AddDays(1);
        var resetUtc = new DateTimeOffset(nextMidnight, zone.GetUtcOffset(nextMidnight));
        return resetUtc > now ? resetUtc - now : TimeSpan.FromMinutes(1);
    }

    public void MarkExhausted() => Interlocked.Exchange(ref _exhaustedUntilTicks, (time.GetUtcNow() + UntilReset()).UtcTicks);
}
