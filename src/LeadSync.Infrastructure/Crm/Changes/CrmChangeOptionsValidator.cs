namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>Refuses weak secrets and a Salesforce route without the org to check against, when the host starts.</summary>
public sealed class CrmChangeOptionsValidator : IValidateOptions<CrmChangeOptions>
{
    public const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, CrmChangeOptions options)
    {
        var errors = new List<string>();
        var section = CrmChangeOptions.Section;
        if (options.HubSpot.SignatureTolerance < TimeSpan.FromSeconds(1) || options.HubSpot.SignatureTolerance > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:HubSpot:SignatureTolerance must be between 00:00:01 and 01:00:00.");
        }

        var sf = options.Salesforce;
        if (sf.PathSecret.Length is > 0 and < MinSecretLength || sf.PathSecret.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            errors.Add($"{section}:Salesforce:PathSecret must be at least {MinSecretLength} characters of letters, digits, '-' or '_'.");
        }

        if (sf.PathSecret.Length > 0 && sf.OrganizationId.Length is not (15 or 18))
        {
            errors.Add($"{section}:Salesforce:OrganizationId must be the org's 15- or 18-character id when the PathSecret is set.");
        }

        var dv = options.Dynamics;
        if (dv.Key.Length is > 0 and < MinSecretLength)
        {
            errors.Add($"{section}:Dynamics:Key must be at least {MinSecretLength} characters.");
        }

        if (dv.Auth == DynamicsWebhookAuth.HttpHeader && string.IsNullOrWhiteSpace(dv.HeaderName))
        {
            errors.Add($"{section}:Dynamics:HeaderName is required with HttpHeader auth.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
