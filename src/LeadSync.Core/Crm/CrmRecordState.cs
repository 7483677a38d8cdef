namespace LeadSync.Core.Crm;

/// <summary>
/// A lead's current CRM record as one batch state read returns it (<see cref="ICrmGateway.ReadStatesAsync"/>): the
/// mapped funnel stage and the raw facts behind it, read just before LeadSync writes anything to the record.
/// </summary>
/// <param name="LeadId">The LeadSync lead id.</param>
/// <param name="Stage">The funnel stage the adapter mapped the record to; <see cref="CrmFunnelStage.Missing"/> when no record was found.</param>
/// <param name="Status">The vendor's status value as read (<c>hs_lead_status</c>, Lead <c>Status</c>, <c>statecode/statuscode</c>).</param>
/// <param name="Lifecycle">HubSpot <c>lifecyclestage</c>; null for the other CRMs.</param>
/// <param name="Converted">Salesforce <c>IsConverted</c> / <c>ConvertedOpportunityId</c>, HubSpot deal association, Dataverse statecode 1.</param>
/// <param name="Owner">The record's owner id as the CRM holds it now.</param>
/// <param name="LastTouchAt">The last sales activity the CRM reports, if any.</param>
public sealed record CrmRecordState(
    string LeadId,
    CrmFunnelStage Stage,
    string? Status = null,
    string? Lifecycle = null,
    bool Converted = false,
    string? Owner = null,
    DateTimeOffset? LastTouchAt = null)
{
    public bool Found => Stage != CrmFunnelStage.Missing;
}
