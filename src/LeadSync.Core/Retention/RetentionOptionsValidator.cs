namespace LeadSync.Core.Retention;

/// <summary>Ages must leave time to act (a day for payloads, quarantine and outbox; an hour for the inbox, well past its filing); batches 1–5,000.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new List<string>();
        AtLeast(errors, nameof(options.RawPayloadAge), options.RawPayloadAge, TimeSpan.FromDays(1));
        AtLeast(errors, nameof(options.QuarantineAge), options.QuarantineAge, TimeSpan.FromDays(1));
        AtLeast(errors, nameof(options.OutboxAge), options.OutboxAge, TimeSpan.FromDays(1));
        AtLeast(errors, nameof(options.InboxAge), options.InboxAge, TimeSpan.FromHours(1));
        if (options.BatchSize is < 1 or > 5000)
        {
            errors.Add($"{RetentionOptions.Section}:BatchSize must be between 1 and 5000 (was {options.BatchSize}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AtLeast(List<string> errors, string setting, TimeSpan value, TimeSpan minimum)
    {
        if (value < minimum)
        {
            errors.Add($"{RetentionOptions.Section}:{setting} must be at least {minimum:c} (was {value:c}).");
        }
    }
}
