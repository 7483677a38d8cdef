using LeadSync.Core.Intake.Redaction;

namespace LeadSync.Core.Tests.Intake.Redaction;

/// <summary>Configured secrets for a redaction test.</summary>
internal sealed class FixedSecrets(IReadOnlyCollection<string> values, params string[] headerNames) : IConfiguredSecrets
{
    public IReadOnlyCollection<string> Values => values;

    public IReadOnlyCollection<string> HeaderNames => headerNames;
}
