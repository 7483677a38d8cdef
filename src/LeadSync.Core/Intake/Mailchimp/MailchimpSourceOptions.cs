namespace LeadSync.Core.Intake.Mailchimp;

/// <summary>Settings of the Mailchimp audience-webhook source (<c>LeadSync:Sources:mailchimp</c>).</summary>
public sealed class MailchimpSourceOptions
{
    public const string Section = "LeadSync:Sources:mailchimp";

    /// <summary>The secret in the webhook URL (<c>?key=</c> or <c>/api/webhooks/mailchimp/{key}</c>); the source is off while it is empty.</summary>
    public string? Key { get; set; }

    /// <summary>Merge tag → lead field for custom merge fields (FNAME, LNAME, PHONE, COMPANY… map by default).</summary>
    public Dictionary<string, string> MergeFields { get; set; } = [];
}
