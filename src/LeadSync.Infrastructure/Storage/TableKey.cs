namespace LeadSync.Infrastructure.Storage;

/// <summary>Makes any text a valid partition or row key: '/', '\', '#', '?', '%' and control characters become %XX.</summary>
internal static class TableKey
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
