namespace LeadSync.Core.Intake.Redaction;

/// <summary>The credentials LeadSync is configured with right now (settings and admin-stored keys), for redaction.</summary>
public interface IConfiguredSecrets
{
    /// <summary>Every configured secret value (source keys and secrets, CRM and nurture credentials, ack secret…).</summary>
    IReadOnlyCollection<string> Values { get; }

    /// <summary>Configured names of headers that carry a credential (e.g. Marketo's secret header).</summary>
    IReadOnlyCollection<string> HeaderNames { get; }
}
