namespace LeadSync.Core.Leads;

/// <summary>Thrown when code asks for a lifecycle move the handoff agreement does not allow.</summary>
public sealed class IllegalLeadTransitionException : InvalidOperationException
{
    public IllegalLeadTransitionException(LeadStatus from, LeadStatus to)
        : base($"A lead cannot move from {from} to {to}.")
    {
        From = from;
        To = to;
    }

    public IllegalLeadTransitionException()
    {
    }

    public IllegalLeadTransitionException(string message)
        : base(message)
    {
    }

    public IllegalLeadTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LeadStatus From { get; }

    public LeadStatus To { get; }
}
