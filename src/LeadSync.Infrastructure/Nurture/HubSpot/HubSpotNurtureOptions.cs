namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary><c>LeadSync:Nurture:HubSpot</c>: a private-app token and the static (MANUAL) list recycled contacts join.</summary>
public sealed class HubSpotNurtureOptions
{
    public string BaseUrl { get; set; } = "https://api.hubapi.com";

    /// <summary>Private app access token (scopes: crm.lists.read, crm.lists.write, crm.objects.contacts.read/write). A secret: use Key Vault.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The ILS list id of a MANUAL or SNAPSHOT list.</summary>
    public string? ListId { get; set; }

    /// <summary>The <c>hs_lead_status</c> value a recycled contact gets.</summary>
    public string LeadStatus { get; set; } = "BAD_TIMING";
}
