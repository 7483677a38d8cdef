namespace LeadSync.Infrastructure.Scheduling;

/// <summary>Every job schedule must be a valid six-field NCRONTAB expression, or the host does not start.</summary>
public sealed class ScheduleValidator : IValidateOptions<SlaOptions>, IValidateOptions<RecycleOptions>, IValidateOptions<CrmOptions>, IValidateOptions<RetentionOptions>, IValidateOptions<PeopleOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options) =>
        Check("LeadSync:Sla:SweepSchedule", options?.SweepSchedule);

    public ValidateOptionsResult Validate(string? name, RecycleOptions options) =>
        Check("LeadSync:Recycle:Schedule", options?.Schedule);

    public ValidateOptionsResult Validate(string? name, CrmOptions options) =>
        Check("LeadSync:Crm:RedriveSchedule", options?.RedriveSchedule);

    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        Check("LeadSync:Retention:Schedule", options?.Schedule);

    public ValidateOptionsResult Validate(string? name, PeopleOptions options) =>
        Check("LeadSync:People:SyncSchedule", options?.SyncSchedule);

    private static ValidateOptionsResult Check(string setting, string? expression) =>
        CronSchedule.TryParse(expression, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{setting} '{expression}' is not a valid six-field NCRONTAB expression (e.g. '0 */1 * * * *').");
}
