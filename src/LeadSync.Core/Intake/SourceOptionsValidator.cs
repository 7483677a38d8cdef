namespace LeadSync.Core.Intake;

/// <summary>
/// Validates source settings at start-up: every field mapping must name a known lead field (a typo would silently
/// drop answers), tolerances and API settings must be usable.
/// </summary>
public sealed class SourceOptionsValidator :
    IValidateOptions<HubSpotSourceOptions>,
    IValidateOptions<TypeformSourceOptions>,
    IValidateOptions<MetaSourceOptions>,
    IValidateOptions<LinkedInSourceOptions>,
    IValidateOptions<GoogleAdsSourceOptions>,
    IValidateOptions<MailchimpSourceOptions>,
    IValidateOptions<UnbounceSourceOptions>,
    IValidateOptions<MarketoSourceOptions>,
    IValidateOptions<PardotSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, HubSpotSourceOptions options)
    {
        var failures = new List<string>();
        if (options.Tolerance <= TimeSpan.Zero || options.Tolerance > TimeSpan.FromHours(1))
        {
            failures.Add($"{HubSpotSourceOptions.Section}:Tolerance must be between 0 and 1 hour.");
        }

        if (!options.ApiBaseAddress.IsAbsoluteUri)
        {
            failures.Add($"{HubSpotSourceOptions.Section}:ApiBaseAddress must be an absolute URL.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, TypeformSourceOptions options)
    {
        var failures = new List<string>();
        foreach (var (formId, form) in options.Forms)
        {
            CheckMapping(failures, $"{TypeformSourceOptions.Section}:Forms:{formId}:Fields", form.Fields);
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, MetaSourceOptions options)
    {
        var failures = new List<string>();
        CheckMapping(failures, $"{MetaSourceOptions.Section}:Fields", options.Fields);
        var version = options.GraphApiVersion?.TrimStart('v') ?? string.Empty;
        if (!Version.TryParse(version, out _))
        {
            failures.Add($"{MetaSourceOptions.Section}:GraphApiVersion must look like 23.0.");
        }

        if (!string.IsNullOrEmpty(options.AppSecret) && string.IsNullOrEmpty(options.VerifyToken))
        {
            failures.Add($"{MetaSourceOptions.Section}:VerifyToken is required when the source is enabled.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, LinkedInSourceOptions options)
    {
        var failures = new List<string>();
        foreach (var (formId, form) in options.Forms)
        {
            if (!formId.All(char.IsAsciiDigit))
            {
                failures.Add($"{LinkedInSourceOptions.Section}:Forms:{formId} must be a numeric lead form id.");
            }

            CheckMapping(failures, $"{LinkedInSourceOptions.Section}:Forms:{formId}:Fields", form.Fields);
        }

        if (options.ApiVersion is not { Length: 6 } version || !version.All(char.IsAsciiDigit) || (version[4] - '0') * 10 + (version[5] - '0') is < 1 or > 12)
        {
            failures.Add($"{LinkedInSourceOptions.Section}:ApiVersion must look like 202606 (YYYYMM).");
        }

        if (options.BaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add($"{LinkedInSourceOptions.Section}:BaseUrl must be an absolute URL.");
        }

        if (options.FormCacheDuration < TimeSpan.Zero || options.FormCacheDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{LinkedInSourceOptions.Section}:FormCacheDuration must be between 0 and 1 day.");
        }

        if (options.FormCacheSize is < 1 or > 10_000)
        {
            failures.Add($"{LinkedInSourceOptions.Section}:FormCacheSize must be between 1 and 10000.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, GoogleAdsSourceOptions options) =>
        Mapping($"{GoogleAdsSourceOptions.Section}:Columns", options?.Columns);

    public ValidateOptionsResult Validate(string? name, MailchimpSourceOptions options) =>
        Mapping($"{MailchimpSourceOptions.Section}:MergeFields", options?.MergeFields);

    public ValidateOptionsResult Validate(string? name, UnbounceSourceOptions options) =>
        Mapping($"{UnbounceSourceOptions.Section}:Fields", options?.Fields);

    public ValidateOptionsResult Validate(string? name, MarketoSourceOptions options)
    {
        var failures = new List<string>();
        CheckMapping(failures, $"{MarketoSourceOptions.Section}:Fields", options.Fields);
        if (string.IsNullOrWhiteSpace(options.SecretHeader))
        {
            failures.Add($"{MarketoSourceOptions.Section}:SecretHeader must name a header.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, PardotSourceOptions options) =>
        Mapping($"{PardotSourceOptions.Section}:Fields", options?.Fields);

    private static ValidateOptionsResult Mapping(string path, Dictionary<string, string>? mapping)
    {
        var failures = new List<string>();
        CheckMapping(failures, path, mapping);
        return Result(failures);
    }

    private static void CheckMapping(List<string> failures, string path, Dictionary<string, string>? mapping)
    {
        foreach (var (field, target) in mapping ?? [])
        {
            if (!LeadFieldNames.TryParse(target, out _))
            {
                failures.Add($"{path}:{field} = '{target}' is not a lead field (use one of: {string.Join(", ", Enum.GetNames<LeadField>())}).");
            }
        }
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
