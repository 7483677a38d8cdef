using System.Text.Json.Serialization;

namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary><c>SimplePublicObjectInputForCreate</c> of the notes v3 spec: properties plus associations (both required).</summary>
internal sealed record HubSpotNoteInput(
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties,
    [property: JsonPropertyName("associations")] IReadOnlyList<HubSpotNoteAssociation> Associations);

/// <summary><c>PublicAssociationsForObject</c>: the contact and the association type (note → contact is 202).</summary>
internal sealed record HubSpotNoteAssociation(
    [property: JsonPropertyName("to")] HubSpotObjectId To,
    [property: JsonPropertyName("types")] IReadOnlyList<HubSpotAssociationType> Types);

internal sealed record HubSpotAssociationType(
    [property: JsonPropertyName("associationCategory")] string AssociationCategory,
    [property: JsonPropertyName("associationTypeId")] int AssociationTypeId);
