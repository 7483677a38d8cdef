namespace LeadSync.Core.Routing;

/// <summary>The admin <c>routing-policies</c> document: the <c>LeadSync:Routing</c> shape.</summary>
public sealed class RoutingPolicyDocument
{
    public IList<RoutingPolicyOptions> Policies { get; } = [];

    public IList<string> FreeMailDomains { get; } = [];

    public TimeSpan AccountCacheTtl { get; set; } = TimeSpan.FromHours(1);

    public string RegionField { get; set; } = "state";

    public string IndustryField { get; set; } = "industry";

    public string EmployeesField { get; set; } = "employees";

    public static RoutingPolicyDocument From(RoutingOptions options)
    {
        var doc = new RoutingPolicyDocument
        {
            AccountCacheTtl = options.AccountCacheTtl,
            RegionField = options.RegionField,
            IndustryField = options.IndustryField,
            EmployeesField = options.EmployeesField,
        };
        Copy(options.Policies, doc.Policies);
        Copy(options.FreeMailDomains, doc.FreeMailDomains);
        return doc;
    }

    public void ApplyTo(RoutingOptions options)
    {
        options.AccountCacheTtl = AccountCacheTtl;
        options.RegionField = RegionField;
        options.IndustryField = IndustryField;
        options.EmployeesField = EmployeesField;
        Copy(Policies, options.Policies);
        Copy(FreeMailDomains, options.FreeMailDomains);
    }

    private static void Copy<T>(IList<T> from, IList<T> to)
    {
        to.Clear();
        foreach (var item in from)
        {
            to.Add(item);
        }
    }
}
