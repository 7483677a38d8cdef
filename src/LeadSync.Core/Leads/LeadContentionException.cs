namespace LeadSync.Core.Leads;

/// <summary>
/// Thrown by <see cref="LeadMutator"/> when other writers kept changing a lead through every retry: unlike "nothing to
/// do" (null), the work was not done, so the caller must keep it — a CRM event answers 503 + Retry-After, an inbox
/// delivery stays in the inbox for the next round (and quarantine if it keeps failing).
/// </summary>
public sealed class LeadContentionException : Exception
{
    public LeadContentionException(string leadId, int attempts)
        : base($"Lead {leadId} changed under every one of {attempts} write attempts; the change was not applied.")
    {
        LeadId = leadId;
        Attempts = attempts;
    }

    public LeadContentionException()
    {
        LeadId = string.Empty;
    }

    public LeadContentionException(string message)
        : base(message)
    {
        LeadId = string.Empty;
    }

    public LeadContentionException(string message, Exception innerException)
        : base(message, innerException)
    {
        LeadId = string.Empty;
    }

    public string LeadId { get; }

    public int Attempts { get; }
}
