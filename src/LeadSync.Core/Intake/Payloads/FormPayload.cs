namespace LeadSync.Core.Intake.Payloads;

/// <summary>
/// A parsed <c>application/x-www-form-urlencoded</c> body. Parsing is strict about encoding (UTF-8 only, bounded
/// field count and field-name length) and never throws; repeated keys keep every value in order.
/// </summary>
public sealed class FormPayload
{
    public const int MaxFields = 500;

    /// <summary>The longest field name accepted (after decoding); a longer one makes the body malformed (400).</summary>
    public const int MaxKeyLength = 256;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, List<string>> _fields;

    private FormPayload(Dictionary<string, List<string>> fields) => _fields = fields;

    public IEnumerable<string> Keys => _fields.Keys;

    public int Count => _fields.Count;

    public static FormPayload? TryParse(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pairs = 0;
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (++pairs > MaxFields)
            {
                return null;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (key is null || value is null || key.Length == 0 || key.Length > MaxKeyLength)
            {
                return null;
            }

            if (!fields.TryGetValue(key, out var values))
            {
                fields[key] = values = [];
            }

            values.Add(value);
        }

        return new FormPayload(fields);
    }

    /// <summary>The first value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => _fields.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> All(string key) => _fields.TryGetValue(key, out var values) ? values : [];

    /// <summary>True when <paramref name="key"/> occurs more than once (a smuggling attempt for single-valued keys).</summary>
    public bool IsRepeated(string key) => _fields.TryGetValue(key, out var values) && values.Count > 1;

    private static string? Decode(string encoded)
    {
        var plus = encoded.Replace('+', ' ');
        if (!plus.Contains('%', StringComparison.Ordinal))
        {
            return plus;
        }

        // Percent-decode at the byte level (multi-byte UTF-8 never contains ASCII bytes), then decode UTF-8 strictly:
        // malformed escapes or escaped non-UTF-8 bytes reject the body instead of turning into replacement characters.
        var raw = Encoding.UTF8.GetBytes(plus);
        var bytes = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'%')
            {
                if (i + 2 >= raw.Length || !IsHex((char)raw[i + 1]) || !IsHex((char)raw[i + 2]))
                {
                    return null;
                }

                bytes[length++] = (byte)((HexValue((char)raw[i + 1]) << 4) | HexValue((char)raw[i + 2]));
                i += 2;
            }
            else
            {
                bytes[length++] = raw[i];
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;
}
