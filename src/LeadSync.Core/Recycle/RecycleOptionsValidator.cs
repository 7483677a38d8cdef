namespace LeadSync.Core.Recycle;

/// <summary>Rejects windows that would recycle at once or never re-check.</summary>
public sealed class RecycleOptionsValidator : IValidateOptions<RecycleOptions>
{
    public const int MaxRecyclesLimit = 100;
    public const int MaxAttemptsLimit = 1000;

    public ValidateOptionsResult Validate(string? name, RecycleOptions options)
    {
        var errors = new List<string>();
        if (options.NoProgressWindow <= TimeSpan.Zero)
        {
            errors.Add("LeadSync:Recycle:NoProgressWindow must be positive.");
        }

        if (options.AfterLastLevel is { } after && after < TimeSpan.Zero)
        {
            errors.Add("LeadSync:Recycle:AfterLastLevel must not be negative.");
        }

        if (options.MaxAttempts > 0 && options.AttemptsWindow <= TimeSpan.Zero)
        {
            errors.Add("LeadSync:Recycle:AttemptsWindow must be positive when MaxAttempts is set.");
        }

        if (options.AttemptsCheckInterval < TimeSpan.FromMinutes(1))
        {
            errors.Add("LeadSync:Recycle:AttemptsCheckInterval must be at least one minute.");
        }

        if (options.Cooldown < TimeSpan.Zero)
        {
            errors.Add("LeadSync:Recycle:Cooldown must not be negative.");
        }

        if (options.MaxRecycles is < 0 or > MaxRecyclesLimit)
        {
            errors.Add($"LeadSync:Recycle:MaxRecycles must be between 0 and {MaxRecyclesLimit}.");
        }

        if (options.MaxAttempts is < 0 or > MaxAttemptsLimit)
        {
            errors.Add($"LeadSync:Recycle:MaxAttempts must be between 0 (off) and {MaxAttemptsLimit}.");
        }

        RecycleTargets.Validate(RecycleOptions.Section, options, errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
