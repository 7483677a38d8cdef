namespace LeadSync.Core.People;

/// <summary>
/// The people directory (<c>LeadSync:People</c>): how it is synced from the CRM's users, and the people and teams an
/// admin adds or overrides (the <c>people</c> admin document is laid over <see cref="People"/> and <see cref="Teams"/>).
/// </summary>
public sealed class PeopleOptions
{
    public const string Section = "LeadSync:People";

    /// <summary>NCRONTAB (six fields) schedule of the directory sync from the CRM's users.</summary>
    [Required]
    public string SyncSchedule { get; set; } = "0 0 */4 * * *";

    /// <summary>How long a process keeps the synced people it read before it reads the table again.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The channel a person is told on when neither the person nor the escalation directory names one.</summary>
    public string DefaultChannel { get; set; } = "email";

    /// <summary>People by person id (a synced person's id is its lower-case e-mail): added, or fields overriding the CRM's.</summary>
    public IDictionary<string, PersonOptions> People { get; } = new Dictionary<string, PersonOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Teams by team id: added, or members/manager overriding the CRM's (HubSpot owner teams).</summary>
    public IDictionary<string, TeamOptions> Teams { get; } = new Dictionary<string, TeamOptions>(StringComparer.OrdinalIgnoreCase);
}
