namespace LeadSync.Core.Crm;

public enum CrmEventStatus
{
    Applied,
    AlreadyApplied,
    UnknownLead,
    NotAllowed,
}
