namespace LeadSync.Core.Admin;

/// <summary>The admin-editable configuration resources (the <c>{resource}</c> of <c>/api/admin/config/{resource}</c>).</summary>
public static class AdminResources
{
    /// <summary>Default first touch and ladder, business calendars and tiered policies (the <c>LeadSync:Sla</c> shape).</summary>
    public const string SlaPolicies = "sla-policies";

    /// <summary>The sales-ready definition (the <c>LeadSync:Qualification</c> shape).</summary>
    public const string Qualification = "qualification";

    /// <summary>Recycle values (the <c>LeadSync:Recycle</c> shape, without the timer schedule).</summary>
    public const string Recycle = "recycle";

    /// <summary>The escalation directory: owner → manager, e-mail and channel (the <c>LeadSync:Directory</c> shape).</summary>
    public const string Directory = "directory";

    /// <summary>Source and CRM connection settings laid over the settings at run time; secrets are write-only.</summary>
    public const string Connections = "connections";

    /// <summary>People and teams laid over the CRM-synced people directory (the <c>LeadSync:People</c> people and teams).</summary>
    public const string People = "people";

    /// <summary>Routing at intake: policies per source/tier, territories, free-mail domains (the <c>LeadSync:Routing</c> shape).</summary>
    public const string RoutingPolicies = "routing-policies";

    public static IReadOnlyList<string> All { get; } = [SlaPolicies, Qualification, Recycle, Directory, Connections, People, RoutingPolicies];

    public static bool IsKnown(string? resource) => resource is not null && All.Contains(resource, StringComparer.Ordinal);
}
