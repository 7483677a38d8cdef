namespace LeadSync.Core.Leads;

/// <summary>
/// Derives a stable, URL-safe lead id from (source, vendor delivery key), so a redelivery of the same
/// webhook maps to the same id and becomes an insert conflict instead of a second lead.
/// </summary>
public static class LeadIdFactory
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string FromDelivery(string source, string deliveryKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{deliveryKey}"));
        return "ld_" + Base32(hash.AsSpan(0, 15));
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: 27 } && id.StartsWith("ld_", StringComparison.Ordinal) && id.AsSpan(3).IndexOfAnyExcept(Alphabet) < 0;

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length * 8 / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return sb.ToString();
    }
}
