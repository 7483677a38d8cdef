namespace LeadSync.Core.Recycle;

/// <summary>
/// Which nurture target (list) a recycle reason's leads go to (<see cref="RecycleOptions.Targets"/>, else
/// <see cref="RecycleOptions.DefaultTarget"/>, else null: the nurture provider's configured list), and the rules a
/// target map must follow.
/// </summary>
public static partial class RecycleTargets
{
    public const int MaxTargetLength = 100;

    /// <summary>The target for <paramref name="reason"/>; null means the nurture provider's configured list.</summary>
    public static string? For(RecycleOptions options, string reason)
    {
        var wanted = Normalize(reason);
        foreach (var (key, target) in options.Targets)
        {
            if (Normalize(key) == wanted && !string.IsNullOrWhiteSpace(target))
            {
                return target.Trim();
            }
        }

        return string.IsNullOrWhiteSpace(options.DefaultTarget) ? null : options.DefaultTarget.Trim();
    }

    /// <summary>The reason code a target key names (<c>SlaMissed</c> → <c>sla-missed</c>); null when it names none.</summary>
    public static string? ReasonOf(string key) =>
        RecycleReasons.Targetable.FirstOrDefault(r => Normalize(r) == Normalize(key));

    /// <summary>Adds a message per bad entry: unknown reasons, two keys for one reason, empty or ill-formed targets.</summary>
    public static void Validate(string section, RecycleOptions options, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, target) in options.Targets)
        {
            if (ReasonOf(key) is not { } reason)
            {
                errors.Add($"{section}:Targets:{key} is not a recycle reason (use one of: {string.Join(", ", RecycleReasons.Targetable)}).");
            }
            else if (!seen.Add(reason))
            {
                errors.Add($"{section}:Targets:{key} names {reason} a second time.");
            }

            if (!IsTarget(target))
            {
                errors.Add($"{section}:Targets:{key} must be a list id or name of 1 to {MaxTargetLength} letters, digits, spaces or . _ : / -.");
            }
        }

        if (!string.IsNullOrEmpty(options.DefaultTarget) && !IsTarget(options.DefaultTarget))
        {
            errors.Add($"{section}:DefaultTarget must be empty (the nurture tool's configured list) or a list id or name of at most {MaxTargetLength} letters, digits, spaces or . _ : / -.");
        }
    }

    private static bool IsTarget(string? value) =>
        value is not null && value.Trim().Length is > 0 and <= MaxTargetLength && TargetPattern().IsMatch(value.Trim());

    private static string Normalize(string key) =>
        new([.. key.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"^[A-Za-z0-9 ._:/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPattern();
}
