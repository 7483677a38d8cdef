namespace LeadSync.Core.Sla;

public enum EscalationResponseStatus
{
    /// <summary>The action was taken (acknowledged, reassigned, snoozed).</summary>
    Done,

    /// <summary>Someone acknowledged this escalation before; the first acknowledgement stands.</summary>
    AlreadyDone,
    UnknownNotice,

    /// <summary>The escalation belongs to an earlier cycle of the lead; nothing was changed.</summary>
    Superseded,

    /// <summary>The lead is no longer waiting for sales (contacted, converted, recycled…); nothing was changed.</summary>
    NotOpen,

    /// <summary>The CRM did not reassign the lead (recorded on the timeline).</summary>
    Failed,
}
