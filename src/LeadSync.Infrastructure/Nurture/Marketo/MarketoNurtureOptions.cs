namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary><c>LeadSync:Nurture:Marketo</c>: the REST API user's custom service and the static list (and optional campaign).</summary>
public sealed class MarketoNurtureOptions
{
    /// <summary>The instance's REST endpoint without <c>/rest</c>, e.g. <c>https://123-ABC-456.mktorest.com</c>.</summary>
    public string? BaseUrl { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: use Key Vault.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Static list id recycled leads are added to.</summary>
    public string? ListId { get; set; }

    /// <summary>Optional trigger campaign ("Campaign is Requested", source Web Service API) requested for each recycled lead.</summary>
    public string? CampaignId { get; set; }
}
