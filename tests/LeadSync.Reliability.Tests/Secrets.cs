namespace LeadSync.Reliability.Tests;

/// <summary>The secrets the suite configures; R6 scans the host's logs for every one of them.</summary>
public static class Secrets
{
    public const string Generic = "whsec_2InXGx/oeBP0ii3agsXgYylXH28ADvolLj6fWyUzMA0=";
    public const string CrmEvents = "whsec_KlfOsjsXgVAYUmsuBbAieJgt+gpv458l4b9jpM6YbGw=";
    public const string HubSpotClientSecret = "hs-client-secret-r6-3f9a1c";
    public const string HubSpotSourceToken = "pat-source-r6-77de01";
    public const string Typeform = "tf-secret-r6-5b2e8d";
    public const string MetaAppSecret = "meta-app-secret-r6-91c4aa";
    public const string MetaVerifyToken = "meta-verify-r6-0d3f";
    public const string MetaAccessToken = "meta-access-r6-c81b7e";
    public const string LinkedIn = "li-client-secret-r6-4e6f20";
    public const string GoogleAds = "gads-key-r6-a1b2c3";
    public const string Mailchimp = "mc-key-r6-d4e5f6";
    public const string Unbounce = "ub-key-r6-070809";
    public const string Marketo = "mk-secret-r6-0a0b0c";
    public const string Pardot = "pd-key-r6-1d1e1f";
    public const string CrmToken = "pat-test";
    public const string AckSecret = "ack-secret-r6-5566778899";

    public static IReadOnlyList<string> All { get; } =
    [
        Generic, CrmEvents, HubSpotClientSecret, HubSpotSourceToken, Typeform, MetaAppSecret, MetaVerifyToken, MetaAccessToken,
        LinkedIn, GoogleAds, Mailchimp, Unbounce, Marketo, Pardot, AckSecret,
    ];
}
