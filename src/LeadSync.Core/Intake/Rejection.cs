namespace LeadSync.Core.Intake;

/// <summary>A refused delivery with a short, safe explanation (never echoes secrets or signatures).</summary>
public sealed record Rejection(RejectionKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>What a delivery is told when it could not be stored: nothing was accepted, so it should come again.</summary>
    public const string StorageUnavailableDetail = "Storage is unavailable; the delivery was not accepted. Retry later.";
}
