namespace LeadSync.Infrastructure.Crm;

/// <summary>Cross-field and nested checks of a provider's options that data annotations cannot express.</summary>
internal interface ICrmProviderOptions
{
    IEnumerable<ValidationResult> ValidateSettings();
}
