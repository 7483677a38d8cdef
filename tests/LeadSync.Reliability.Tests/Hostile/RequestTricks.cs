namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>Hostile requests around a valid body: content types, injected and oversized headers, URL tails, oversized and chunked bodies.</summary>
public static class RequestTricks
{
    public static HostileCase Apply(Random random, HostileCase start, SourceDialect dialect)
    {
        switch (random.Next(6))
        {
            case 0:
                string?[] types =
                [
                    null, "text/plain", "application/json; charset=utf-16", "APPLICATION/JSON", "application/json;;", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json, text/html", "application/jsonx", "*/*", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                    dialect.MediaType + "; charset=\"\\\"", dialect.MediaType.ToUpperInvariant() + " ; q=0",
                ];
                return start with { Kind = "content-type", ContentType = types[random.Next(types.Length)] };
            case 1:
                return start with { Kind = "header-injection", Headers = Headers(random, dialect) };
            case 2:
                string[] tails =
                [
                    "/extra", "/" + Uri.EscapeDataString(dialect.Secret), "/..%2F..%2Fhealth", "?key", "?key=", "?key=wrong&key=wrong2", "?%00=%00", "?form=" + new string('f', 4000),
                    "/%2e%2e", "?key=%ZZ", "/" + new string('s', 1000), "?hub.mode=subscribe&challengeCode=x",
                ];
                return start with { Kind = "url-tail", UrlTail = tails[random.Next(tails.Length)] };
            case 3:
                var size = random.Next(4) == 0 ? random.Next(2_000_000, 8_000_000) : random.Next(HostileCaseGenerator.MaxBodyBytes + 1, 600_000);
                var padded = new byte[size];
                Array.Fill(padded, (byte)' ');
                start.Body.CopyTo(padded, 0);
                return start with { Kind = "oversized", Body = padded, Chunked = random.Next(2) == 0 };
            case 4:
                return start with { Kind = "chunked", Chunked = true };
            default:
                return start with { Kind = "empty-body", Body = [] };
        }
    }

    private static List<KeyValuePair<string, string>> Headers(Random random, SourceDialect dialect)
    {
        string[] names =
        [
            "webhook-id", "webhook-timestamp", "webhook-signature", "X-HubSpot-Signature-v3", "X-HubSpot-Request-Timestamp", "Typeform-Signature",
            "X-Hub-Signature-256", "X-LI-Signature", "X-LeadSync-Secret", "X-LeadSync-Admin-Key", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-For", "X-MS-CLIENT-PRINCIPAL", "X-Original-URL", "X-HTTP-Method-Override", "Content-Encoding", "Expect",
        ];
        string[] values =
        [
            "", " ", "v1,", "v1,AAAA", "sha256=", "sha256=zz", "0", "-1", "99999999999999999999", "evil.example.com", "https", "a.b.c",
            "msg_../../x", "%00", "\t", new string('A', 8000), new string('"', 6000), new string('<', 6000), "=?utf-8?B?w6k=?=", "gzip", "100-continue", "DELETE", "/api/admin/dashboard",
            dialect.Secret, Secrets.Generic, "bm90IGpzb24=",
        ];
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            headers.Add(new(names[random.Next(names.Length)], values[random.Next(values.Length)]));
        }

        if (random.Next(4) == 0)
        {
            // Many headers at once, well under the server's 32 KB header limit.
            for (var i = 0; i < 60; i++)
            {
                headers.Add(new("X-Filler-" + i, "v" + i));
            }
        }

        return headers;
    }
}
