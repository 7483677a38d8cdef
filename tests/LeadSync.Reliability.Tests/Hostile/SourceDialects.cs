using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Core.Intake.LinkedIn;
using LeadSync.Core.Intake.Meta;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Intake.Typeform;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>The ten webhook sources as README "Webhook sources" documents them, with the suite's secrets.</summary>
public static class SourceDialects
{
    public static IReadOnlyList<SourceDialect> All { get; } =
    [
        new()
        {
            Name = "generic", SignsBody = true, MediaType = "application/json", Secret = Secrets.Generic,
            Json = (s, _) => new JsonObject
            {
                ["type"] = "lead.created", ["timestamp"] = "2026-11-23T10:00:00Z",
                ["data"] = new JsonObject { ["email"] = s.Email, ["firstName"] = s.FirstName, ["lastName"] = s.LastName, ["company"] = s.Company, ["phone"] = s.Phone, ["score"] = 40 },
            },
            Authenticate = (request, body, secret) =>
            {
                var id = "msg_" + Guid.NewGuid().ToString("N");
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                request.Headers.TryAddWithoutValidation(StandardWebhookVerifier.IdHeader, id);
                request.Headers.TryAddWithoutValidation(StandardWebhookVerifier.TimestampHeader, now.ToString(CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation(StandardWebhookVerifier.SignatureHeader, StandardWebhookVerifier.Sign(secret, id, now, body));
            },
        },
        new()
        {
            Name = "hubspot", SignsBody = true, MediaType = "application/json", Secret = Secrets.HubSpotClientSecret, IdOnly = true,
            Json = (s, _) => new JsonObject
            {
                ["objectId"] = 5100 + (s.Email.Length * 7),
                ["properties"] = new JsonObject
                {
                    ["email"] = new JsonObject { ["value"] = s.Email }, ["firstname"] = s.FirstName, ["lastname"] = s.LastName,
                    ["company"] = s.Company, ["phone"] = s.Phone,
                },
            },
            Authenticate = (request, body, secret) =>
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                request.Headers.TryAddWithoutValidation(HubSpotSignature.TimestampHeader, now);
                request.Headers.TryAddWithoutValidation(HubSpotSignature.V3Header, HubSpotSignature.SignV3(secret, "POST", request.RequestUri!.AbsoluteUri, body, now));
            },
        },
        new()
        {
            Name = "typeform", SignsBody = true, MediaType = "application/json", Secret = Secrets.Typeform,
            Json = (s, _) => new JsonObject
            {
                ["event_id"] = s.Id, ["event_type"] = "form_response",
                ["form_response"] = new JsonObject
                {
                    ["form_id"] = "tfForm1", ["submitted_at"] = "2026-11-23T10:00:00Z",
                    ["answers"] = new JsonArray(
                        new JsonObject { ["type"] = "email", ["email"] = s.Email, ["field"] = new JsonObject { ["id"] = "f1", ["type"] = "email", ["ref"] = "work_email" } },
                        new JsonObject { ["type"] = "text", ["text"] = s.FirstName, ["field"] = new JsonObject { ["id"] = "f2", ["type"] = "short_text", ["ref"] = "first_name" } },
                        new JsonObject { ["type"] = "text", ["text"] = s.Company, ["field"] = new JsonObject { ["id"] = "f3", ["type"] = "short_text", ["ref"] = "company" } }),
                    ["hidden"] = new JsonObject { ["utm_source"] = "r5" },
                },
            },
            Authenticate = (request, body, secret) => request.Headers.TryAddWithoutValidation(TypeformWebhookSource.SignatureHeader, TypeformWebhookSource.Sign(secret, body)),
        },
        new()
        {
            Name = "meta", SignsBody = true, MediaType = "application/json", Secret = Secrets.MetaAppSecret, IdOnly = true,
            Json = (s, _) => new JsonObject
            {
                ["object"] = "page",
                ["entry"] = new JsonArray(new JsonObject
                {
                    ["id"] = "1040", ["time"] = 1763892000,
                    ["changes"] = new JsonArray(new JsonObject
                    {
                        ["field"] = "leadgen",
                        ["value"] = new JsonObject { ["leadgen_id"] = Digits(s.Id), ["form_id"] = "77", ["page_id"] = "1040", ["created_time"] = 1763892000 },
                    }),
                }),
            },
            Authenticate = (request, body, secret) => request.Headers.TryAddWithoutValidation(MetaWebhookSource.SignatureHeader, MetaWebhookSource.Sign(secret, body)),
        },
        new()
        {
            Name = "linkedin", SignsBody = true, MediaType = "application/json", Secret = Secrets.LinkedIn, IdOnly = true,
            Json = (s, _) => new JsonObject
            {
                ["type"] = "LEAD_ACTION", ["leadAction"] = "CREATED", ["leadGenFormResponse"] = "urn:li:leadFormResponse:" + s.Id,
                ["leadGenForm"] = "urn:li:leadForm:42", ["occurredAt"] = 1763892000000, ["associatedEntity"] = new JsonObject { ["sponsoredCampaign"] = "urn:li:sponsoredCampaign:9" },
            },
            Authenticate = (request, body, secret) => request.Headers.TryAddWithoutValidation(LinkedInWebhookSource.SignatureHeader, LinkedInWebhookSource.Sign(secret, body)),
        },
        new()
        {
            Name = "google-ads", MediaType = "application/json", Secret = Secrets.GoogleAds,
            Json = (s, key) =>
            {
                var body = new JsonObject();
                if (key is not null)
                {
                    body["google_key"] = key;
                }

                body["lead_id"] = s.Id;
                body["form_id"] = 31;
                body["campaign_id"] = 32;
                body["is_test"] = false;
                body["user_column_data"] = new JsonArray(
                    new JsonObject { ["column_id"] = "EMAIL", ["string_value"] = s.Email },
                    new JsonObject { ["column_id"] = "FULL_NAME", ["string_value"] = s.FirstName + " " + s.LastName },
                    new JsonObject { ["column_id"] = "COMPANY_NAME", ["string_value"] = s.Company });
                return body;
            },
            Authenticate = (_, _, _) => { },
        },
        new()
        {
            Name = "mailchimp", MediaType = "application/x-www-form-urlencoded", Secret = Secrets.Mailchimp,
            Form = s =>
            [
                new("type", "subscribe"), new("fired_at", "2026-11-23 10:00:00"), new("data[id]", s.Id), new("data[list_id]", "list1"),
                new("data[email]", s.Email), new("data[merges][FNAME]", s.FirstName), new("data[merges][LNAME]", s.LastName),
                new("data[merges][COMPANY]", s.Company),
            ],
            Authenticate = QueryKey,
        },
        new()
        {
            Name = "unbounce", MediaType = "application/x-www-form-urlencoded", Secret = Secrets.Unbounce,
            Form = s =>
            [
                new("page_id", "pg-1"), new("page_url", "https://example.com/landing"), new("page_name", "Landing"), new("variant", "a"),
                new("data.json", new JsonObject
                {
                    ["email"] = new JsonArray(s.Email), ["first_name"] = new JsonArray(s.FirstName), ["company"] = new JsonArray(s.Company),
                    ["date_submitted"] = new JsonArray("2026-11-23"), ["time_submitted"] = new JsonArray(s.Id[^5..] + " UTC"),
                }.ToJsonString()),
            ],
            Authenticate = QueryKey,
        },
        new()
        {
            Name = "marketo", MediaType = "application/json", Secret = Secrets.Marketo,
            Json = (s, _) => new JsonObject
            {
                ["leadId"] = Digits(s.Id), ["email"] = s.Email, ["firstName"] = s.FirstName, ["lastName"] = s.LastName, ["company"] = s.Company,
                ["phone"] = s.Phone, ["score"] = 55, ["campaignId"] = 1201, ["campaignName"] = "R5", ["firedAt"] = "2026-11-23T10:00:00Z",
            },
            Authenticate = (request, _, secret) => request.Headers.TryAddWithoutValidation("X-LeadSync-Secret", secret),
        },
        new()
        {
            Name = "pardot", MediaType = "application/x-www-form-urlencoded", Secret = Secrets.Pardot,
            Form = s => [new("email", s.Email), new("first_name", s.FirstName), new("last_name", s.LastName), new("company", s.Company), new("nonce", s.Id)],
            Authenticate = QueryKey,
        },
    ];

    public static SourceDialect Named(string name) => All.Single(d => d.Name == name);

    private static void QueryKey(HttpRequestMessage request, byte[] body, string secret)
    {
        var uri = request.RequestUri!.AbsoluteUri;
        request.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "key=" + Uri.EscapeDataString(secret));
    }

    /// <summary>A numeric id derived from a sample id (Meta and Marketo ids are numbers).</summary>
    private static string Digits(string id)
    {
        var digits = new StringBuilder();
        foreach (var c in id)
        {
            digits.Append(((int)c % 10).ToString(CultureInfo.InvariantCulture));
        }

        return "9" + digits.ToString()[..Math.Min(17, digits.Length)];
    }
}
