namespace LeadSync.Core.Routing;

/// <summary>
/// Routing at intake (<c>LeadSync:Routing</c>, overlaid by the admin <c>routing-policies</c> document,
/// which has this same shape): policies tried
/// in order, the first whose sources and tiers fit the lead applies; with none (the default) the CRM's own assignment
/// rules choose the owner, as before.
/// </summary>
public sealed class RoutingOptions
{
    public const string Section = "LeadSync:Routing";

    public IList<RoutingPolicyOptions> Policies { get; } = [];

    /// <summary>Domains never matched to an account, added to the built-in free-mail list (gmail.com, outlook.com …).</summary>
    public IList<string> FreeMailDomains { get; } = [];

    /// <summary>How long an account lookup by domain (found or not) is reused before the CRM is asked again.</summary>
    public TimeSpan AccountCacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The submitted field a territory's <c>Regions</c> are matched against (state, province, region).</summary>
    public string RegionField { get; set; } = "state";

    /// <summary>The submitted field a territory's <c>Industries</c> are matched against.</summary>
    public string IndustryField { get; set; } = "industry";

    /// <summary>The submitted field (a number of employees) a territory's <c>MinEmployees</c>/<c>MaxEmployees</c> are matched against.</summary>
    public string EmployeesField { get; set; } = "employees";

    /// <summary>Makes <paramref name="target"/> hold these settings (the admin <c>routing-policies</c> document is this shape).</summary>
    public void CopyTo(RoutingOptions target)
    {
        target.AccountCacheTtl = AccountCacheTtl;
        target.RegionField = RegionField;
        target.IndustryField = IndustryField;
        target.EmployeesField = EmployeesField;
        Copy(Policies, target.Policies);
        Copy(FreeMailDomains, target.FreeMailDomains);
    }

    private static void Copy<T>(IList<T> from, IList<T> to)
    {
        var items = from.ToList();
        to.Clear();
        foreach (var item in items)
        {
            to.Add(item);
        }
    }
}
