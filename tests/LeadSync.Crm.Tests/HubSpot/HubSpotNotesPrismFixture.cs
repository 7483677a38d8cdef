namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>Prism serving HubSpot's published CRM notes v3 spec (copied verbatim beside the contacts one).</summary>
public sealed class HubSpotNotesPrismFixture : PrismFixture
{
    protected override string SpecFile => "hubspot-notes-v3.openapi.json";
}
