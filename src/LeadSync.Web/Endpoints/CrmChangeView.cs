namespace LeadSync.Web.Endpoints;

/// <summary>One change of a native CRM request as the response shows it: kind and outcome by name.</summary>
public sealed record CrmChangeView(string EventKey, string Kind, string Outcome, string? LeadId, string Detail)
{
    public static CrmChangeView From(CrmChangeResult result)
    {
        return new(result.EventKey, result.Kind.ToString(), result.Outcome.ToString(), result.LeadId, result.Detail);
    }
}
