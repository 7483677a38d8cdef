namespace LeadSync.Core.Sla;

public enum AckStatus
{
    Acknowledged,

    /// <summary>Someone acknowledged this notice before; the first acknowledgement stands.</summary>
    AlreadyAcknowledged,
    UnknownNotice,
}
