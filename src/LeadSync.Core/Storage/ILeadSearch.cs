namespace LeadSync.Core.Storage;

/// <summary>
/// Paged, filtered reads over all leads for the admin console and reports. Interactive use only: a page reads a
/// bounded number of rows; timer jobs use the due index instead.
/// </summary>
public interface ILeadSearch
{
    Task<LeadSearchPage> SearchAsync(LeadSearchQuery query, CancellationToken cancellationToken);
}
