namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>Prism serving HubSpot's published CRM associations v4 spec (copied verbatim beside the notes one).</summary>
public sealed class HubSpotAssociationsPrismFixture : PrismFixture
{
    protected override string SpecFile => "hubspot-associations-v4.openapi.json";
}
