namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// Runs next to <c>ValidateDataAnnotations</c> so a host that fails to start lists every bad setting at once, field
/// map and resilience included (an <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> would only be
/// asked after every attribute passed).
/// </summary>
internal sealed class CrmProviderOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, ICrmProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = options.ValidateSettings().Select(r => r.ErrorMessage ?? "invalid setting").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
