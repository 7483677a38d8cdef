namespace LeadSync.Core.Crm.Touches;

/// <summary>Writes a marketing touch as a record the rep sees on the CRM record (note, task, annotation).</summary>
public interface ICrmTouchWriter
{
    Task<CrmOutcome> WriteAsync(Lead lead, CrmTouchRecord record, CancellationToken cancellationToken);
}
