namespace LeadSync.Web.Admin;

/// <summary>A lead as listed by the admin search: who it is (name, e-mail, company) and where it stands; open the lead for the rest.</summary>
public sealed record LeadSummary(
    string Id,
    string Source,
    string Status,
    DateTimeOffset ReceivedAt,
    string? Company,
    int? Score,
    string? Owner,
    DateTimeOffset? SlaDueAt,
    int EscalationLevel,
    DateTimeOffset? FirstTouchAt)
{
    /// <summary>First and last name as the lead gave them; null when it gave neither (or was erased).</summary>
    public string? Name { get; init; }

    public string? Email { get; init; }

    public static LeadSummary From(Lead lead)
    {
        return new LeadSummary(lead.Id, lead.Source, lead.Status.ToString(), lead.ReceivedAt, lead.Contact.Company, lead.Score, lead.Owner,
            lead.SlaDueAt, lead.EscalationLevel, lead.FirstTouchAt)
        {
            Name = string.Join(' ', new[] { lead.Contact.FirstName, lead.Contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null,
            Email = lead.Contact.Email,
        };
    }
}
