namespace LeadSync.Core.Storage;

/// <summary>
/// Lead versions this process has just written through its lead store, as stored (with the stored row's ETag); see
/// <see cref="RecentLeadWrites"/>. Not a read of storage: a write by another process or instance is invisible here. Only
/// the CRM sync uses it, and only for a decision that ends in a write conditioned on the version's ETag.
/// </summary>
public interface IRecentLeadWrites
{
    /// <summary>
    /// The version of <paramref name="leadId"/> this process wrote last, if that write is younger than the bound and no
    /// write of the lead is in flight here; otherwise null (read the store).
    /// </summary>
    Lead? Find(string leadId);
}
