namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary><c>LeadSync:Nurture:Mailchimp</c>: the API key and the audience (list) recycled leads join.</summary>
public sealed class MailchimpNurtureOptions
{
    /// <summary>Marketing API key, ending in the data centre (e.g. <c>…-us21</c>). A secret: use Key Vault.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides the base URL derived from the key's data centre (tests, proxies).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The audience id.</summary>
    public string? ListId { get; set; }

    /// <summary>Status for a contact new to the audience: <c>pending</c> (double opt-in, default), <c>subscribed</c> or <c>transactional</c>.</summary>
    public string StatusIfNew { get; set; } = "pending";

    /// <summary>Tags set on the member; the recycle reason is added as <c>recycle-{reason}</c>.</summary>
    public IList<string> Tags { get; } = ["leadsync-recycled"];

    public Uri? ResolvedBaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl))
        {
            return Uri.TryCreate(BaseUrl, UriKind.Absolute, out var explicitUri) ? explicitUri : null;
        }

        var dash = ApiKey?.LastIndexOf('-') ?? -1;
        var dc = dash > 0 ? ApiKey![(dash + 1)..] : null;
        return dc is { Length: > 0 } && dc.All(char.IsAsciiLetterOrDigit) ? new Uri($"https://{dc}.api.mailchimp.com") : null;
    }
}
