namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Lead search as a server-side filtered query over the lead rows (<c>RowKey eq 'lead'</c>) of the Leads table,
/// one page per call with the table's own continuation token. Filters run in the table service; a page reads at most
/// <see cref="LeadSearchQuery.PageSize"/> matching rows.
/// </summary>
public sealed class TableLeadSearch(StorageClients clients) : ILeadSearch
{
    public async Task<LeadSearchPage> SearchAsync(LeadSearchQuery query, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        var filter = Filter(query);
        var pageSize = Math.Clamp(query.PageSize, 1, 1000);
        return await StorageCall.RunAsync(async () =>
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
                .AsPages(string.IsNullOrEmpty(query.ContinuationToken) ? null : query.ContinuationToken, pageSize))
            {
                return new LeadSearchPage(page.Values.Select(LeadEntityMapper.ToLead).ToList(), page.ContinuationToken);
            }

            return new LeadSearchPage([], null);
        }, cancellationToken);
    }

    private static string Filter(LeadSearchQuery query)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {LeadEntityMapper.LeadRowKey}") };
        if (query.Statuses.Count > 0)
        {
            parts.Add("(" + string.Join(" or ", query.Statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            parts.Add(TableClient.CreateQueryFilter($"Source eq {query.Source}"));
        }

        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            parts.Add(TableClient.CreateQueryFilter($"Owner eq {query.Owner}"));
        }

        if (query.Breached is { } breached)
        {
            parts.Add(breached ? TableClient.CreateQueryFilter($"EscalationLevel gt {0}") : TableClient.CreateQueryFilter($"EscalationLevel eq {0}"));
        }

        if (query.ReceivedFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"ReceivedAt ge {from}"));
        }

        return string.Join(" and ", parts);
    }
}
