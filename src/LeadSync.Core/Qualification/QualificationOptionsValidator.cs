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
        else if (options.Mode == QualificationMode.Any && (options.RequiredFields.Count == 0 || options.MinimumScore == 0))
        {
            failures.Add($"{section}:Mode Any needs both RequiredFields and a MinimumScore above 0 (either one then suffices).");
        }

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
}
