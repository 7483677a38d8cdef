namespace LeadSync.Core.Storage;

/// <summary>Outcome of an ETag-conditioned lead update.</summary>
public sealed record LeadUpdateResult(LeadUpdateStatus Status, Lead? Lead)
{
    public static LeadUpdateResult Updated(Lead lead) => new(LeadUpdateStatus.Updated, lead);

    public static readonly LeadUpdateResult Conflict = new(LeadUpdateStatus.Conflict, null);

    public static readonly LeadUpdateResult NotFound = new(LeadUpdateStatus.NotFound, null);
}
