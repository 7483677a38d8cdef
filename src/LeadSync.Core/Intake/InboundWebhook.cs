namespace LeadSync.Core.Intake;

/// <summary>A webhook delivery as received: raw bytes (signatures are verified over them) and its headers.</summary>
public sealed record InboundWebhook
{
    public required string Source { get; init; }
    public required string Method { get; init; }

    /// <summary>The absolute request URI as the sender addressed it (HubSpot v2/v3 sign it).</summary>
    public required Uri RequestUri { get; init; }
    public string? ContentType { get; init; }
    public required ReadOnlyMemory<byte> Body { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
