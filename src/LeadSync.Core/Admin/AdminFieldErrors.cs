namespace LeadSync.Core.Admin;

/// <summary>Collects field-level errors keyed by JSON path, turning settings-validator messages into such keys.</summary>
public sealed class AdminFieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
        {
            _errors[path] = list = [];
        }

        list.Add(message);
    }

    /// <summary>
    /// Adds a settings-validator message (<c>LeadSync:Sla:Policies:0:FirstTouch must …</c>) under its JSON path
    /// (<c>policies[0].firstTouch</c>), relative to <paramref name="section"/>.
    /// </summary>
    public void AddSettingsFailure(string section, string message)
    {
        var setting = message.Split(' ', 2)[0];
        var path = setting.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) ? ToJsonPath(setting[(section.Length + 1)..]) : "$";
        Add(path, message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary><c>Policies:0:Match:MinScore</c> → <c>policies[0].match.minScore</c>; dictionary keys (calendar names, days) stay as written.</summary>
    public static string ToJsonPath(string settingPath)
    {
        var builder = new StringBuilder();
        string? previous = null;
        foreach (var segment in settingPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                builder.Append('[').Append(segment).Append(']');
            }
            else
            {
                var isKey = previous is "Calendars" or "Hours" or "Owners" or "Sources" or "People" or "CrmUserIds" or "Fields" or "Targets"
                    || (previous == "Teams" && !int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _));
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(isKey ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]);
            }

            previous = segment;
        }

        return builder.Length == 0 ? "$" : builder.ToString();
    }
}
