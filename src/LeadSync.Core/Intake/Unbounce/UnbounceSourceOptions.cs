namespace LeadSync.Core.Intake.Unbounce;

/// <summary>Settings of the Unbounce form-webhook source (<c>LeadSync:Sources:unbounce</c>).</summary>
public sealed class UnbounceSourceOptions
{
    public const string Section = "LeadSync:Sources:unbounce";

    /// <summary>The secret in the webhook URL (<c>?key=</c>); the source is off while it is empty.</summary>
    public string? Key { get; set; }

    /// <summary>Form field name → lead field for fields the defaults do not recognize.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];
}
