namespace LeadSync.Core.Crm.Pause;

/// <summary>How a CRM connection is doing, as <c>/api/health</c> and the console show it.</summary>
public enum CrmConnectionState
{
    Healthy,

    /// <summary>Calls are failing (not yet a pause), or a pause ran out and its probe has not answered.</summary>
    Degraded,

    /// <summary>No CRM call until the pause ends.</summary>
    Paused,
}
