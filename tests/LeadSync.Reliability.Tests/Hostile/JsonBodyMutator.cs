using System.Text;
using System.Text.Json.Nodes;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>Hostile variants of a JSON source's valid body: returns the bytes and the kind of hostility.</summary>
public static class JsonBodyMutator
{
    public static (string Kind, byte[] Body) Mutate(Random random, JsonNode valid)
    {
        var text = valid.ToJsonString();
        switch (random.Next(12))
        {
            case 0:
                return ("random-bytes", HostileText.RandomBytes(random, 2048));
            case 1:
                return ("json-tokens", Encoding.UTF8.GetBytes(HostileText.JsonTokens(random)));
            case 2:
                return ("truncated", Encoding.UTF8.GetBytes(text)[..random.Next(text.Length)]);
            case 3:
                var depth = HostileText.Depth(random);
                Replace(random, valid, JsonNode.Parse(HostileText.Nested(Math.Min(depth, 30), random.Next(2) == 0))!);
                var nested = valid.ToJsonString();
                return ("deep-nesting", Encoding.UTF8.GetBytes(depth <= 30 ? nested : InsertNested(random, nested, depth)));
            case 4:
                Replace(random, valid, JsonValue.Create(HostileText.Huge(random, HostileText.HugeLength(random))));
                return ("huge-string", Encoding.UTF8.GetBytes(valid.ToJsonString()));
            case 5:
                return WrongEncoding(random, text);
            case 6:
                Replace(random, valid, TypeConfusion(random));
                return ("type-confusion", Encoding.UTF8.GetBytes(valid.ToJsonString()));
            case 7:
                return ("duplicate-keys", Encoding.UTF8.GetBytes(DuplicateKeys(random, text)));
            case 8:
                string[] roots = ["[]", "null", "\"text\"", "0", "[" + text + "," + text + "]", "{}", "", " ", "\uFEFF" + text, text + text, text + "garbage"];
                return ("odd-root", Encoding.UTF8.GetBytes(roots[random.Next(roots.Length)]));
            case 9:
                Replace(random, valid, JsonValue.Create(HostileText.AwkwardString(random)));
                return ("awkward-string", Encoding.UTF8.GetBytes(valid.ToJsonString()));
            case 10:
                return ("escape-tricks", Encoding.UTF8.GetBytes(EscapeTricks(random, text)));
            default:
                return ("form-as-json", Encoding.UTF8.GetBytes("email=a%40b.co&data[email]=x&type=subscribe"));
        }
    }

    /// <summary>Replaces a random value of the tree (a leaf or a container) with <paramref name="replacement"/>.</summary>
    public static void Replace(Random random, JsonNode root, JsonNode? replacement)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return;
        }

        var (parent, key) = slots[random.Next(slots.Count)];
        if (parent is JsonObject obj)
        {
            obj[(string)key] = replacement;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = replacement;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                slots.Add((obj, name));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    private static JsonNode? TypeConfusion(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(-0.0),
        3 => JsonNode.Parse("1e308"),
        4 => JsonNode.Parse("123456789012345678901234567890"),
        5 => new JsonArray("a@b.co", 1, null),
        6 => new JsonObject { ["value"] = new JsonObject { ["value"] = 1 } },
        7 => JsonValue.Create(long.MinValue),
        _ => JsonValue.Create(""),
    };

    /// <summary>Splices a deeply nested value in place of the first property value (keeps the rest valid).</summary>
    private static string InsertNested(Random random, string text, int depth)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? HostileText.Nested(depth, random.Next(2) == 0) : text[..(colon + 1)] + HostileText.Nested(depth, random.Next(2) == 0) + "," + text[(colon + 1)..];
    }

    private static string DuplicateKeys(Random random, string text)
    {
        string[] keys = ["email", "data", "type", "event_id", "leadId", "lead_id", "google_key", "object", "leadAction", "properties"];
        var key = keys[random.Next(keys.Length)];
        var value = random.Next(3) switch { 0 => "\"dup@example.com\"", 1 => "{}", _ => "null" };
        var at = text.IndexOf('{', StringComparison.Ordinal);
        return at < 0 ? text : text[..(at + 1)] + $"\"{key}\":{value}," + text[(at + 1)..];
    }

    /// <summary>Legal-looking escapes that are not: lone surrogates, NULs, overlong forms, bad escapes.</summary>
    private static string EscapeTricks(Random random, string text)
    {
        string[] tricks = ["\\ud800", "\\udfff", "\\ud83d\\u0041", "\\u0000", "\\x41", "\\uZZZZ", "\\", "\\u00e9\\u0301", "\\/\\b\\f"];
        var quote = text.IndexOf("\":\"", StringComparison.Ordinal);
        var inside = quote < 0 ? text.Length / 2 : quote + 3;
        return text[..inside] + tricks[random.Next(tricks.Length)] + text[inside..];
    }

    private static (string, byte[]) WrongEncoding(Random random, string text)
    {
        switch (random.Next(7))
        {
            case 0:
                return ("utf16le", Encoding.Unicode.GetBytes(text));
            case 1:
                return ("utf16be-bom", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]);
            case 2:
                return ("utf8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
            case 3:
                return ("latin1", Encoding.Latin1.GetBytes(text.Replace("\"company\":\"", "\"company\":\"Ångström ", StringComparison.Ordinal)));
            case 4:
                return ("utf32", Encoding.UTF32.GetBytes(text));
            default:
                // Invalid UTF-8 inside a string value: a lone continuation byte, an overlong '/', a truncated sequence.
                byte[][] bad = [[0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xFF], [0xED, 0xA0, 0x80]];
                var bytes = Encoding.UTF8.GetBytes(text).ToList();
                var at = text.IndexOf("\":\"", StringComparison.Ordinal);
                bytes.InsertRange(at < 0 ? bytes.Count / 2 : Encoding.UTF8.GetByteCount(text[..(at + 3)]), bad[random.Next(bad.Length)]);
                return ("invalid-utf8", [.. bytes]);
        }
    }
}
