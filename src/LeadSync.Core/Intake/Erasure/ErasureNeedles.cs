namespace LeadSync.Core.Intake.Erasure;

/// <summary>
/// What identifies a subject in stored bodies and rows: the leads' ids, e-mail addresses and phone numbers. Rows that
/// contain any of them (case-insensitively) are personal data of the subject.
/// </summary>
public sealed class ErasureNeedles
{
    private readonly string[] _texts;

    public ErasureNeedles(IEnumerable<string> leadIds, IEnumerable<string> emails, IEnumerable<string> phones)
    {
        LeadIds = [.. leadIds.Distinct(StringComparer.Ordinal)];
        Emails = [.. emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        Phones = [.. phones.Where(p => p is not null && p.Count(char.IsAsciiDigit) >= 6).Select(p => p.Trim()).Distinct(StringComparer.Ordinal)];
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in Emails)
        {
            // As sent in JSON, in form posts and URLs (%-encoded), and JSON-escaped.
            texts.Add(email);
            texts.Add(Uri.EscapeDataString(email));
            texts.Add(email.Replace("@", "\\u0040", StringComparison.Ordinal));
        }

        foreach (var phone in Phones)
        {
            texts.Add(phone);
            texts.Add(Uri.EscapeDataString(phone));
        }

        _texts = [.. texts];
    }

    public IReadOnlyList<string> LeadIds { get; }

    public IReadOnlyList<string> Emails { get; }

    public IReadOnlyList<string> Phones { get; }

    /// <summary>True when <paramref name="text"/> holds an e-mail, a phone number or a lead id of the subject.</summary>
    public bool Matches(string? text) =>
        text is { Length: > 0 } &&
        (_texts.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)) || LeadIds.Any(id => text.Contains(id, StringComparison.Ordinal)));
}
