namespace LeadSync.Core.Intake.Generic;

/// <summary>Settings of the generic Standard Webhooks source (<c>LeadSync:Sources:generic</c>).</summary>
public sealed class GenericSourceOptions
{
    public const string Section = "LeadSync:Sources:generic";

    /// <summary>The <c>whsec_</c> signing secret; the source is off while it is empty.</summary>
    public string? Secret { get; set; }

    /// <summary>How far the <c>webhook-timestamp</c> may be from now.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}
