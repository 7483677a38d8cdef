namespace LeadSync.Core.Storage;

/// <summary>Queue names shared by both hosts (the Functions queue triggers and the portable consumers).</summary>
public static class QueueNames
{
    public const string LeadSync = "lead-sync";
    public const string Notifications = "lead-notify";

    /// <summary>Leads stored as Received that must be completed from the vendor's API (message = lead id).</summary>
    public const string LeadEnrich = "lead-enrich";

    /// <summary>Requests to erase a lead's personal data (message = lead id), e.g. LinkedIn DELETED.</summary>
    public const string LeadErase = "lead-erase";

    /// <summary>Accepted deliveries to file as leads (message = inbox ids; <c>LeadSync:Intake:Filing = Queue</c>).</summary>
    public const string InboxFile = "lead-file";

    /// <summary>Leads judged not sales-ready, to hand to the nurture tool at once (message = lead id).</summary>
    public const string LeadNurture = "lead-nurture";
}
