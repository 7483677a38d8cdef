namespace LeadSync.Core.Crm;

/// <summary>
/// A CRM read (touches or record states) that the CRM did not answer. Reads have no per-lead result, so the caller
/// decides what an unknown state means: the SLA sweep escalates with a note, the recycle job defers (it writes).
/// </summary>
public class CrmReadException : Exception
{
    public CrmReadException()
    {
    }

    public CrmReadException(string message)
        : base(message)
    {
    }

    public CrmReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CrmReadException(string message, CrmOutcome? outcome)
        : base(message)
    {
        Outcome = outcome;
    }

    /// <summary>How the call ended, with the CRM's <c>Retry-After</c> when it sent one.</summary>
    public CrmOutcome? Outcome { get; }
}
