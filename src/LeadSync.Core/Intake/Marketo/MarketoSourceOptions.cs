namespace LeadSync.Core.Intake.Marketo;

/// <summary>Settings of the Marketo "Call Webhook" source (<c>LeadSync:Sources:marketo</c>).</summary>
public sealed class MarketoSourceOptions
{
    public const string Section = "LeadSync:Sources:marketo";

    /// <summary>The shared secret Marketo sends as a custom header; the source is off while it is empty.</summary>
    public string? Secret { get; set; }

    /// <summary>The custom header carrying <see cref="Secret"/>.</summary>
    public string SecretHeader { get; set; } = "X-LeadSync-Secret";

    /// <summary>Payload key → lead field for keys the defaults do not recognize.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];
}
