namespace LeadSync.Infrastructure.Notifications.Teams;

/// <summary>
/// Makes text from a lead safe for Adaptive Card <c>TextBlock</c> and <c>Fact</c> values, which Teams renders as
/// Markdown: every character Markdown gives a meaning (links <c>[text](url)</c>, emphasis, code, HTML-ish tags such as
/// <c>&lt;at&gt;</c>) is backslash-escaped, a leading list or heading marker too, and bare web addresses get an
/// invisible word joiner after the scheme or <c>www</c> so Teams does not turn them into links.
/// </summary>
public static class TeamsText
{
    private const char WordJoiner = '\u2060';
    private const string Special = "\\`*_[]()<>~{}|!#";

    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (Special.Contains(c, StringComparison.Ordinal) || (c is '-' or '+' or '.' or '=' && LeadsLine(value, i)))
            {
                text.Append('\\');
            }

            text.Append(c);
            if ((c == ':' && At(value, i + 1, "//")) || (c is 'w' or 'W' && i >= 2 && At(value, i - 2, "www.", ignoreCase: true) && At(value, i + 1, ".")))
            {
                text.Append(WordJoiner);
            }
        }

        return text.ToString();
    }

    // A list marker ("- ", "+ ", "1. ") or a setext underline only means something at the start of the text.
    private static bool LeadsLine(string value, int index)
    {
        var start = 0;
        while (start < index && (char.IsAsciiDigit(value[start]) || value[start] == ' '))
        {
            start++;
        }

        return start == index;
    }

    private static bool At(string value, int index, string part, bool ignoreCase = false) =>
        index >= 0 && index + part.Length <= value.Length &&
        string.Compare(value, index, part, 0, part.Length, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0;
}
