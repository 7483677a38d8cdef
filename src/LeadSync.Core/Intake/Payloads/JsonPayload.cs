namespace LeadSync.Core.Intake.Payloads;

/// <summary>Total JSON helpers for untrusted payloads: parsing never throws, reads return null on a wrong shape.</summary>
public static class JsonPayload
{
    public const int MaxDepth = 32;

    /// <summary>
    /// The document, or null when the body is not JSON, is nested deeper than <see cref="MaxDepth"/>, or holds text
    /// that cannot be read as a string (invalid UTF-8, lone surrogate escapes such as <c>\ud800</c>): the parser
    /// accepts those, but reading them later would throw.
    /// </summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            // A member named twice is refused: parsers disagree on which one counts, so it is a way to smuggle a second
            // e-mail or id past one reader and into another.
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
            if (HasReadableText(document.RootElement))
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when every string and property name below <paramref name="element"/> decodes to valid UTF-16.</summary>
    public static bool HasReadableText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!HasReadableText(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!HasReadableText(item))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>A scalar as text: strings as they are, numbers in their JSON spelling, booleans as true/false.</summary>
    public static string? Text(JsonElement element, string name) => Property(element, name) is { } value ? Scalar(value) : null;

    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static bool Flag(JsonElement element, string name) =>
        Property(element, name) is { } value &&
        (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && ContactNormalizer.ParseFlag(value.GetString()) == true));

    /// <summary>A Unix time in seconds or milliseconds (numbers of 12+ digits are taken as milliseconds).</summary>
    public static DateTimeOffset? UnixTime(string? text)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        try
        {
            return value >= 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : UnixTime(text);
}
