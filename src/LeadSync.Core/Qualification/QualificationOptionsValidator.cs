namespace LeadSync.Core.Qualification;

/// <summary>
/// Rejects a sales-ready definition that could not be applied (unknown fields, a negative threshold, an unknown
/// mode, or mode Any with nothing to be "any" of). Used at start-up and by the admin API, so both obey one rule set.
/// </summary>
public sealed class QualificationOptionsValidator : IValidateOptions<QualificationOptions>
{
    public const int MaxScore = 1_000_000;

    public ValidateOptionsResult Validate(string? name, QualificationOptions options)
    {
        var section = QualificationOptions.Section;
        var failures = new List<string>();
        if (options.MinimumScore is < 0 or > MaxScore)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:MinimumScore must be between 0 and {MaxScore}."));
        }

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{section}:Mode must be All or Any.");
        }
        else if (options.Mode == QualificationMode.Any && ((options.RequiredFields.Count == 0 && !options.HasValueRules) || options.MinimumScore == 0))
        {
            failures.Add($"{section}:Mode Any needs RequiredFields or value rules, and a MinimumScore above 0 (either side then suffices).");
        }

        ValueRuleFailures(options, failures);

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.RequiredFields.Count; i++)
        {
            var field = options.RequiredFields[i];
            if (!QualificationOptions.KnownFields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{section}:RequiredFields:{i} '{field}' is not a known field (use one of: {string.Join(", ", QualificationOptions.KnownFields)})."));
            }
            else if (!seen.Add(field))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:RequiredFields:{i} '{field}' is listed twice."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public const decimal MaxBudget = 1_000_000_000_000m;
    public const int MaxTimelineMonths = 120;
    private const int MaxListEntries = 200;
    private const int MaxEntryLength = 100;

    private static void ValueRuleFailures(QualificationOptions options, List<string> failures)
    {
        var section = QualificationOptions.Section;
        if (options.MinimumBudget is < 0 or > MaxBudget)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:MinimumBudget must be between 0 and {MaxBudget}."));
        }

        if (options.MaximumTimelineMonths is < 0 or > MaxTimelineMonths)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:MaximumTimelineMonths must be between 0 (not checked) and {MaxTimelineMonths}."));
        }

        ListFailures(options.AuthorityRoles, "AuthorityRoles", failures);
        ListFailures(options.Countries, "Countries", failures);
    }

    private static void ListFailures(IList<string> values, string name, List<string> failures)
    {
        var section = QualificationOptions.Section;
        if (values.Count > MaxListEntries)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{name} may list at most {MaxListEntries} entries."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxEntryLength || value.Any(char.IsControl))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{name}:{i} must be a non-empty text of at most {MaxEntryLength} characters."));
            }
            else if (!seen.Add(value.Trim()))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{name}:{i} '{value}' is listed twice."));
            }
        }
    }
}
