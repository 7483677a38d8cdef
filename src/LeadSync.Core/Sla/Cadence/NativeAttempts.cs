namespace LeadSync.Core.Sla.Cadence;

/// <summary>
/// The compact form of <see cref="Leads.Lead.NativeAttempts"/>: unix seconds separated by spaces, oldest first, at most
/// <see cref="Max"/>. Two reports within <see cref="SameAttempt"/> of each other are one attempt (a HubSpot call changes
/// both <c>hs_lead_status</c> and <c>notes_last_contacted</c>, each with its own event).
/// </summary>
public static class NativeAttempts
{
    public const int Max = 50;

    public static readonly TimeSpan SameAttempt = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<DateTimeOffset> Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? []
        : [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null)
            .OfType<DateTimeOffset>()
            .Order()];

    /// <summary>The list with <paramref name="at"/> added, or null when it is already there (within <see cref="SameAttempt"/>).</summary>
    public static string? Add(string? value, DateTimeOffset at)
    {
        var current = Parse(value);
        if (current.Any(a => (a - at).Duration() < SameAttempt))
        {
            return null;
        }

        return string.Join(' ', current.Append(at).Order().TakeLast(Max).Select(a => a.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
    }
}
