namespace LeadSync.Core.Recycle;

/// <summary>Rejects windows that would recycle at once or never re-check.</summary>
public sealed class RecycleOptionsValidator : IValidateOptions<RecycleOptions>
{
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

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
