namespace LeadSync.Infrastructure.Nurture;

/// <summary>Stops the host with a clear message when the selected nurture provider lacks a setting it needs.</summary>
public sealed class NurtureOptionsValidator : IValidateOptions<NurtureOptions>
{
    public ValidateOptionsResult Validate(string? name, NurtureOptions options)
    {
        var errors = new List<string>();
        var prefix = NurtureOptions.Section;
        switch (options.Provider.ToLowerInvariant())
        {
            case NurtureOptions.Sandbox:
                break;
            case NurtureOptions.HubSpotProvider:
                Require(errors, $"{prefix}:HubSpot:AccessToken", options.HubSpot.AccessToken);
                Require(errors, $"{prefix}:HubSpot:ListId", options.HubSpot.ListId);
                RequireUri(errors, $"{prefix}:HubSpot:BaseUrl", options.HubSpot.BaseUrl);
                break;
            case NurtureOptions.MarketoProvider:
                RequireUri(errors, $"{prefix}:Marketo:BaseUrl", options.Marketo.BaseUrl);
                Require(errors, $"{prefix}:Marketo:ClientId", options.Marketo.ClientId);
                Require(errors, $"{prefix}:Marketo:ClientSecret", options.Marketo.ClientSecret);
                Require(errors, $"{prefix}:Marketo:ListId", options.Marketo.ListId);
                break;
            case NurtureOptions.MailchimpProvider:
                Require(errors, $"{prefix}:Mailchimp:ApiKey", options.Mailchimp.ApiKey);
                Require(errors, $"{prefix}:Mailchimp:ListId", options.Mailchimp.ListId);
                if (options.Mailchimp.ApiKey is { Length: > 0 } && options.Mailchimp.ResolvedBaseUrl() is null)
                {
                    errors.Add($"{prefix}:Mailchimp:ApiKey must end in -<dc> (e.g. -us21), or set {prefix}:Mailchimp:BaseUrl.");
                }

                break;
            default:
                errors.Add($"{prefix}:Provider '{options.Provider}' is not supported; use one of {string.Join(", ", NurtureOptions.Providers)}.");
                break;
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}:AttemptTimeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required for this nurture provider.");
        }
    }

    private static void RequireUri(List<string> errors, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors.Add($"{key} must be an absolute http(s) URL.");
        }
    }
}
