namespace LeadSync.Core.Intake;

/// <summary>A refused delivery with a short, safe explanation (never echoes secrets or signatures).</summary>
public sealed record Rejection(RejectionKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null);
