namespace LeadSync.Core.Sla;

/// <summary>One resolved rung of a ladder: <paramref name="After"/> is business time after the first-touch deadline.</summary>
public sealed record EscalationLevel(TimeSpan After, string Recipient, string Action)
{
    public static EscalationLevel From(EscalationLevelOptions options)
    {
        return new(options.After, options.Recipient, EscalationActions.Normalize(options.Action));
    }
}
