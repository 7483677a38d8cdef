namespace LeadSync.Core.People;

/// <summary>
/// One person of the directory as an admin writes it. Every field left null keeps what the CRM sync found (or the
/// default), so an override can change one thing (say, out-of-office) without restating the rest.
/// </summary>
public sealed class PersonOptions
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The person's user id in each connected CRM (<c>hubspot</c>: owner id, <c>salesforce</c>: User Id, <c>dynamics</c>: systemuserid).</summary>
    public IDictionary<string, string> CrmUserIds { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Slack member id (<c>U…</c>); when empty a Slack app finds the person by e-mail.</summary>
    public string? SlackUserId { get; set; }

    /// <summary>The Teams identity (Entra user principal name or object id) an Adaptive Card mentions.</summary>
    public string? TeamsUserId { get; set; }

    /// <summary><c>teams</c>, <c>slack</c>, <c>email</c> or <c>webhook</c>; null: <see cref="PeopleOptions.DefaultChannel"/>.</summary>
    public string? Channel { get; set; }

    /// <summary>The person id of this person's manager.</summary>
    public string? Manager { get; set; }

    /// <summary>Team ids this person takes leads for (added to the teams the CRM reports).</summary>
    public IList<string> Teams { get; } = [];

    /// <summary>The name of an SLA calendar (<c>LeadSync:Sla:Calendars:{name}</c>) the person works on.</summary>
    public string? Calendar { get; set; }

    /// <summary>The person's own working hours (time zone, hours, holidays), instead of a named calendar.</summary>
    public BusinessCalendarOptions? WorkingHours { get; set; }

    /// <summary>Out-of-office periods; while one covers the instant the person gets no lead and no first rung.</summary>
    public IList<OutOfOfficeOptions> OutOfOffice { get; } = [];

    /// <summary>Most open LeadSync-routed leads at once; null: no limit.</summary>
    public int? MaxOpenLeads { get; set; }

    /// <summary>Most new leads routed per day (UTC); null: no limit.</summary>
    public int? MaxNewLeadsPerDay { get; set; }

    /// <summary>Round-robin weight (1–100); a weight of 2 takes twice the leads of a weight of 1. Null: 1.</summary>
    public int? Weight { get; set; }

    /// <summary>False takes the person out of routing and escalation (a deactivated CRM user is inactive).</summary>
    public bool? Active { get; set; }
}
