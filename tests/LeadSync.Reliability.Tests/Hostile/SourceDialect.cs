using System.Text.Json.Nodes;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// What R5 needs to know about one webhook source: its media type, a valid body (a JSON tree or form pairs) for a
/// lead, and how a request is authenticated with a secret (signature header, URL key, or — Google Ads — a key in the
/// body, passed to <see cref="Json"/>). <see cref="Secret"/> is the configured one.
/// </summary>
public sealed record SourceDialect
{
    public required string Name { get; init; }
    public required string MediaType { get; init; }
    public required string Secret { get; init; }

    /// <summary>Id-only deliveries (HubSpot events, Meta, LinkedIn) are stored as Received without contact data.</summary>
    public bool IdOnly { get; init; }

    /// <summary>The body of a JSON source for a lead; the second argument is the key to embed (Google Ads) or null.</summary>
    public Func<LeadSample, string?, JsonNode>? Json { get; init; }

    /// <summary>The fields of a form-encoded source for a lead, in order (repeats allowed).</summary>
    public Func<LeadSample, List<KeyValuePair<string, string>>>? Form { get; init; }

    /// <summary>Adds authentication for <paramref name="secret"/> over the final body bytes (headers or URL key).</summary>
    public required Action<HttpRequestMessage, byte[], string> Authenticate { get; init; }

    /// <summary>The signature covers the body (HMAC schemes); false for shared secrets in a header, the URL or the body.</summary>
    public bool SignsBody { get; init; }

    public bool IsForm => Form is not null;
}
