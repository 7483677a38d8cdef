using System.Globalization;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Generic;
using LeadSync.Core.Intake.GoogleAds;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Core.Intake.LinkedIn;
using LeadSync.Core.Intake.Mailchimp;
using LeadSync.Core.Intake.Marketo;
using LeadSync.Core.Intake.Meta;
using LeadSync.Core.Intake.Pardot;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Intake.Typeform;
using LeadSync.Core.Intake.Unbounce;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Intake;

/// <summary>Every source, enabled with known secrets, and a way to authenticate any body for it.</summary>
public static class SourceCatalog
{
    public const string GenericSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly FakeTimeProvider Time = new(Now);

    public static readonly IReadOnlyList<IWebhookSource> All =
    [
        new GenericWebhookSource(SourceOptions.Of(new GenericSourceOptions { Secret = GenericSecret }), new StandardWebhookVerifier(Time)),
        new HubSpotWebhookSource(SourceOptions.Of(new HubSpotSourceOptions { ClientSecret = "hs" }), new HubSpotSignature(Time)),
        new TypeformWebhookSource(SourceOptions.Of(new TypeformSourceOptions { Secret = "tf" })),
        new MetaWebhookSource(SourceOptions.Of(new MetaSourceOptions { AppSecret = "meta", VerifyToken = "vt" })),
        new LinkedInWebhookSource(SourceOptions.Of(new LinkedInSourceOptions { ClientSecret = "li" })),
        new GoogleAdsWebhookSource(SourceOptions.Of(new GoogleAdsSourceOptions { Key = "gk" })),
        new MailchimpWebhookSource(SourceOptions.Of(new MailchimpSourceOptions { Key = "mc" })),
        new UnbounceWebhookSource(SourceOptions.Of(new UnbounceSourceOptions { Key = "ub" })),
        new MarketoWebhookSource(SourceOptions.Of(new MarketoSourceOptions { Secret = "mk" })),
        new PardotWebhookSource(SourceOptions.Of(new PardotSourceOptions { Key = "pd" })),
    ];

    public static IWebhookSource Named(string name) => All.Single(s => s.Name == name);

    /// <summary>A delivery of <paramref name="body"/> carrying valid credentials for <paramref name="source"/>.</summary>
    public static InboundWebhook Authentic(string source, byte[] body)
    {
        var builder = WebhookBuilder.For(source).Body(body);
        if (Named(source).AcceptedMediaTypes.Contains("application/x-www-form-urlencoded"))
        {
            builder.Form();
        }

        var seconds = Now.ToUnixTimeSeconds();
        var millis = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        switch (source)
        {
            case "generic":
                builder.Header("webhook-id", "msg_1").Header("webhook-timestamp", seconds.ToString(CultureInfo.InvariantCulture))
                    .Header("webhook-signature", StandardWebhookVerifier.Sign(GenericSecret, "msg_1", seconds, body));
                break;
            case "hubspot":
                builder.Header(HubSpotSignature.TimestampHeader, millis)
                    .Header(HubSpotSignature.V3Header, HubSpotSignature.SignV3("hs", "POST", builder.RequestUri.OriginalString, body, millis));
                break;
            case "typeform":
                builder.Header(TypeformWebhookSource.SignatureHeader, TypeformWebhookSource.Sign("tf", body));
                break;
            case "meta":
                builder.Header(MetaWebhookSource.SignatureHeader, MetaWebhookSource.Sign("meta", body));
                break;
            case "linkedin":
                builder.Header(LinkedInWebhookSource.SignatureHeader, LinkedInWebhookSource.Sign("li", body));
                break;
            case "marketo":
                builder.Header("X-LeadSync-Secret", "mk");
                break;
            case "mailchimp":
            case "unbounce":
            case "pardot":
                builder.Query("key", source == "mailchimp" ? "mc" : source == "unbounce" ? "ub" : "pd");
                break;
        }

        return builder.Build();
    }
}
