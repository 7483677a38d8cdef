namespace LeadSync.Core.People;

/// <summary>One person of the effective directory: the CRM's user with the admin's overrides applied.</summary>
public sealed record Person
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    /// <summary>User id per CRM provider name.</summary>
    public IReadOnlyDictionary<string, string> CrmUserIds { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? SlackUserId { get; init; }

    public string? TeamsUserId { get; init; }

    public string? Channel { get; init; }

    public string? ManagerId { get; init; }

    /// <summary>Ids of the teams the person takes leads for.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>When the person works; null: any time (no calendar set).</summary>
    public IBusinessCalendar? Calendar { get; init; }

    public IReadOnlyList<OutOfOfficePeriod> OutOfOffice { get; init; } = [];

    public int? MaxOpenLeads { get; init; }

    public int? MaxNewLeadsPerDay { get; init; }

    public int Weight { get; init; } = 1;

    public bool Active { get; init; } = true;

    public string? CrmUserId(string crm) => CrmUserIds.TryGetValue(crm, out var id) ? id : null;
}
