using LeadSync.Infrastructure.Nurture.HubSpot;

namespace LeadSync.Infrastructure.Nurture;

/// <summary>Nurture write-back settings (<c>LeadSync:Nurture</c>); only the selected provider's section is validated.</summary>
public sealed class NurtureOptions
{
    public const string Section = "LeadSync:Nurture";
    public const string Sandbox = "sandbox";
    public const string HubSpotProvider = "hubspot";
    public const string MarketoProvider = "marketo";
    public const string MailchimpProvider = "mailchimp";

    public static IReadOnlyList<string> Providers { get; } = [Sandbox, HubSpotProvider, MarketoProvider, MailchimpProvider];

    /// <summary><c>sandbox</c> (default: a table in LeadSync's storage), <c>hubspot</c>, <c>marketo</c> or <c>mailchimp</c>.</summary>
    public string Provider { get; set; } = Sandbox;

    /// <summary>Per-call timeout of the provider's HTTP calls (each attempt).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public HubSpotNurtureOptions HubSpot { get; set; } = new();

    public MarketoNurtureOptions Marketo { get; set; } = new();

    public MailchimpNurtureOptions Mailchimp { get; set; } = new();
}
