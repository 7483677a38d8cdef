using System.Text;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>Hostile variants of a form-encoded source's valid body: encoding tricks, repeats, bad escapes, floods.</summary>
public static class FormBodyMutator
{
    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public static (string Kind, byte[] Body) Mutate(Random random, List<KeyValuePair<string, string>> valid)
    {
        var text = Encode(valid);
        switch (random.Next(12))
        {
            case 0:
                return ("random-bytes", HostileText.RandomBytes(random, 2048));
            case 1:
                return ("truncated", Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]));
            case 2:
                // A field repeated (a second e-mail, type or data.json smuggled in after the first).
                var repeated = valid[random.Next(valid.Count)];
                valid.Insert(random.Next(valid.Count + 1), new(repeated.Key, random.Next(2) == 0 ? "smuggled@example.com" : repeated.Value));
                return ("repeated-key", Encoding.UTF8.GetBytes(Encode(valid)));
            case 3:
                string[] escapes = ["%", "%G1", "%zz", "%00", "%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "%25%32%35", "%E2%82", "+%2B+", "%0D%0AX-Injected:%201"];
                var at = random.Next(text.Length + 1);
                return ("bad-escape", Encoding.UTF8.GetBytes(text[..at] + escapes[random.Next(escapes.Length)] + text[at..]));
            case 4:
                var index = random.Next(valid.Count);
                valid[index] = new(valid[index].Key, HostileText.Huge(random, HostileText.HugeLength(random)));
                return ("huge-value", Encoding.UTF8.GetBytes(Encode(valid)));
            case 5:
                var flood = new StringBuilder(text);
                for (var i = random.Next(400, 700); i > 0; i--)
                {
                    flood.Append("&f").Append(i).Append("=v");
                }

                return ("field-flood", Encoding.UTF8.GetBytes(flood.ToString()));
            case 6:
                string[] shapes = ["=", "&&&&", "=value", "key", "a=b=c", ";", "email", "email=&email=", "data[email]", "data[merges][FNAME][x]=1", "type=subscribe"];
                return ("odd-shape", Encoding.UTF8.GetBytes(random.Next(2) == 0 ? shapes[random.Next(shapes.Length)] : text + "&" + shapes[random.Next(shapes.Length)]));
            case 7:
                // Raw (unescaped) invalid UTF-8 or Latin-1 bytes in a value.
                var bytes = Encoding.UTF8.GetBytes(text).ToList();
                byte[][] bad = [[0xE9], [0xC0, 0xAF], [0xFF, 0xFE], [0x80]];
                bytes.InsertRange(random.Next(bytes.Count + 1), bad[random.Next(bad.Length)]);
                return ("invalid-utf8", [.. bytes]);
            case 8:
                return ("utf16", Encoding.Unicode.GetBytes(text));
            case 9:
                // Embedded JSON (Unbounce data.json) or any field made deep, truncated or not JSON at all.
                var json = valid.FindIndex(p => p.Key == "data.json");
                var target = json >= 0 ? json : random.Next(valid.Count);
                string[] values =
                [
                    HostileText.Nested(HostileText.Depth(random), random.Next(2) == 0), "{\"email\":", "[]", "\"x\"", "{\"email\":{\"a\":1}}",
                    "{\"email\":[\"a@b.co\",\"c@d.co\"]}", "{\"email\":[\"\\ud800\"]}", HostileText.JsonTokens(random),
                ];
                valid[target] = new(valid[target].Key, values[random.Next(values.Length)]);
                return ("embedded-json", Encoding.UTF8.GetBytes(Encode(valid)));
            case 10:
                var awkward = random.Next(valid.Count);
                valid[awkward] = new(valid[awkward].Key, HostileText.AwkwardString(random));
                return ("awkward-value", Encoding.UTF8.GetBytes(Encode(valid)));
            default:
                return ("json-as-form", Encoding.UTF8.GetBytes("{\"email\":\"a@b.co\",\"type\":\"subscribe\"}"));
        }
    }
}
