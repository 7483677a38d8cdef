using System.Text;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>Building blocks of hostile content: awkward strings, random bytes and deep nesting.</summary>
public static class HostileText
{
    private static readonly string[] Awkward =
    [
        "Zoë Ångström", "Ωmega 漢字 テスト", "עִבְרִית‏ RTL", "emoji 🚀👩‍💻", "null", "\"quoted\"", "back\\slash", "<script>alert(1)</script>",
        "'; DROP TABLE Leads;--", "tab\there", "line\nbreak", "\u0000nul", "\u202Eoverride", "%00%0d%0a", "${jndi:ldap://x}", "{{7*7}}",
        "   padded   ", "\u00A0nbsp\u2028ls", new string('x', 300), "=cmd|' /C calc'!A0", "../../etc/passwd",
    ];

    public static string AwkwardString(Random random) => Awkward[random.Next(Awkward.Length)];

    public static byte[] RandomBytes(Random random, int maxLength)
    {
        var bytes = new byte[random.Next(maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Random JSON-ish punctuation and words: mostly invalid JSON, sometimes valid.</summary>
    public static string JsonTokens(Random random)
    {
        string[] tokens = ["{", "}", "[", "]", ",", ":", "\"", "\"email\"", "\"data\"", "null", "true", "1e999", "-0", "\\u0000", "\\ud800", " ", "\"a@b.co\"", "\\"];
        var text = new StringBuilder();
        for (var i = random.Next(1, 60); i > 0; i--)
        {
            text.Append(tokens[random.Next(tokens.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A JSON value nested <paramref name="depth"/> levels deep, in arrays or objects.</summary>
    public static string Nested(int depth, bool objects, string inner = "1")
    {
        var open = objects ? "{\"a\":" : "[";
        var close = objects ? "}" : "]";
        var text = new StringBuilder(depth * (open.Length + 1) + inner.Length);
        for (var i = 0; i < depth; i++)
        {
            text.Append(open);
        }

        text.Append(inner);
        for (var i = 0; i < depth; i++)
        {
            text.Append(close);
        }

        return text.ToString();
    }

    /// <summary>Nesting depths around the parser's limit (32) and far beyond it.</summary>
    public static int Depth(Random random) => random.Next(6) switch
    {
        0 => random.Next(1, 31),
        1 => 31 + random.Next(4),
        2 => random.Next(33, 200),
        3 => 1_000,
        4 => 10_000,
        _ => 50_000,
    };

    /// <summary>String lengths: mostly moderate, some close to and over the 256 KB body limit.</summary>
    public static int HugeLength(Random random) => random.Next(10) switch
    {
        < 5 => random.Next(1_000, 20_000),
        < 8 => random.Next(20_000, 100_000),
        8 => random.Next(250_000, 262_000),
        _ => random.Next(262_144, 400_000),
    };

    public static string Huge(Random random, int length)
    {
        var unit = random.Next(4) switch
        {
            0 => "x",
            1 => "é",
            2 => "\"",
            _ => "𝄞",
        };
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString();
    }
}
