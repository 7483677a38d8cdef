namespace LeadSync.Core.Admin.Audit;

/// <summary>
/// Entry ids that sort newest first: 19 digits of inverted UTC ticks, a dash and 32 hex digits of randomness (two
/// entries in one tick never collide). The id alone says when the entry was started.
/// </summary>
public static partial class AuditKeys
{
    public static string IdFor(DateTimeOffset at) =>
        InvertedTicks(at) + "-" + Guid.NewGuid().ToString("N");

    /// <summary>The 19-digit prefix of every id started at <paramref name="at"/>; later instants give smaller prefixes.</summary>
    public static string InvertedTicks(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static bool IsId(string value) =>
        IdPattern().IsMatch(value) && long.TryParse(value.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks <= DateTimeOffset.MaxValue.UtcTicks;

    /// <summary>When the entry with this id was started.</summary>
    public static DateTimeOffset StartedAt(string id) =>
        new(DateTimeOffset.MaxValue.UtcTicks - long.Parse(id.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    [GeneratedRegex("^[0-9]{19}-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
