namespace LeadSync.Core.Admin;

/// <summary>
/// A checked admin document: the canonical JSON to store (with secrets), the JSON the history keeps (without), the
/// top-level fields that changed, or field-level errors (JSON path → messages).
/// </summary>
public sealed record AdminDocumentCheck(string Json, string HistoryJson, IReadOnlyList<string> Changes, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static AdminDocumentCheck Invalid(IReadOnlyDictionary<string, string[]> errors) => new(string.Empty, string.Empty, [], errors);
}
