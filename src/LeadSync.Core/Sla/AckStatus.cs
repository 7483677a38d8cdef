namespace LeadSync.Core.Sla;

public enum AckStatus
{
    Acknowledged,

    /// <summary>Someone acknowledged this notice before; the first acknowledgement stands.</summary>
    AlreadyAcknowledged,
    UnknownNotice,

    /// <summary>The link names an earlier cycle of the lead (it was re-engaged since); the current escalation is not touched.</summary>
    Superseded,
}
