namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>
/// The people directory's HubSpot side: owners v3 (<c>PERSON</c> owners, their teams; HubSpot owners have no manager,
/// so managers come from the people document or the team's manager), every page; and the company whose <c>domain</c>
/// is a lead's e-mail domain (its owner property gets the lead).
/// </summary>
internal sealed partial class HubSpotGateway : ICrmUserSource, ICrmAccountLookup
{
    private const int OwnersPageSize = 100;

    string ICrmUserSource.Crm => CrmProviders.HubSpot;

    public async Task<IReadOnlyList<SyncedUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        if (QuotaStop() is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        var users = new List<SyncedUser>();
        string? after = null;
        do
        {
            using var response = await api.ListOwnersAsync(OwnersPageSize, after, false, cancellationToken);
            var outcome = Map(response);
            if (!outcome.Succeeded || response.Content is not { } page)
            {
                throw new CrmUnavailableException(Name, outcome.Succeeded ? new CrmOutcome(CrmOutcomeKind.Transient, "Empty owners page.") : outcome);
            }

            foreach (var owner in page.Results ?? [])
            {
                if (owner.Id is { Length: > 0 } id && !string.Equals(owner.Type, "QUEUE", StringComparison.OrdinalIgnoreCase))
                {
                    var name = $"{owner.FirstName} {owner.LastName}".Trim();
                    users.Add(new SyncedUser(id, owner.Email, name.Length > 0 ? name : owner.Email, !owner.Archived)
                    {
                        Teams = [.. (owner.Teams ?? []).Where(t => t.Id is { Length: > 0 }).OrderByDescending(t => t.Primary).Select(t => new SyncedTeam(t.Id!, t.Name))],
                    });
                }
            }

            after = page.Paging?.Next?.After is { Length: > 0 } next && next != after ? next : null;
        }
        while (after is not null);

        return users;
    }

    public async Task<AccountMatch?> FindByDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (QuotaStop() is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        var request = new HubSpotSearchRequest(
            [new HubSpotFilterGroup([new HubSpotFilter("domain", "EQ", domain)])], ["name", "domain", o.OwnerProperty], 1);
        using var response = await api.SearchCompaniesAsync(request, cancellationToken);
        var outcome = Map(response);
        if (!outcome.Succeeded)
        {
            throw new CrmUnavailableException(Name, outcome);
        }

        return response.Content?.Results?.FirstOrDefault() is { Id: { Length: > 0 } id } company
            ? new AccountMatch(domain, id, Property(company, "name") ?? domain, Property(company, o.OwnerProperty))
            : null;
    }
}
