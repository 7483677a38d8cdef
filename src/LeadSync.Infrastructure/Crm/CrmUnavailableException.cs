namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// Thrown by a read (touches, record states) that the CRM did not answer. Reads have no per-lead result, and treating an
/// outage as "nobody touched these leads" would escalate leads sales may have worked; the caller handles the
/// <see cref="CrmReadException"/> it derives from (the sweep escalates with a note, the recycle job defers).
/// </summary>
public sealed class CrmUnavailableException : CrmReadException
{
    public CrmUnavailableException()
    {
    }

    public CrmUnavailableException(string message)
        : base(message)
    {
    }

    public CrmUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CrmUnavailableException(string crm, CrmOutcome outcome)
        : base($"{crm} read failed: {outcome?.Kind} — {outcome?.Reason}", outcome)
    {
    }
}
