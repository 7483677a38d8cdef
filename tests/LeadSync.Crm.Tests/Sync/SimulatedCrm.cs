using LeadSync.Core.Leads;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>One CRM simulator driven through an outage and a quota stop, with the app's own registration for it.</summary>
public abstract class SimulatedCrm : IAsyncDisposable
{
    public abstract string Provider { get; }

    /// <summary>Requests that reached the simulator's data API.</summary>
    public abstract int Calls { get; }

    public abstract void SetOutage(bool down);

    /// <summary>The vendor's quota is spent: every call is refused with the vendor's quota answer until <see cref="ResetQuota"/>.</summary>
    public abstract void StopQuota();

    public abstract void ResetQuota();

    /// <summary>When the vendor's quota comes back, for a stop at <paramref name="stoppedAt"/> (what LeadSync must wait for).</summary>
    public abstract DateTimeOffset QuotaResetAt(DateTimeOffset stoppedAt);

    /// <summary>Each lead is one CRM record, written once (created, never updated again).</summary>
    public abstract void AssertEachWrittenOnce(IReadOnlyList<Lead> leads);

    public abstract Dictionary<string, string?> Settings();

    public virtual void Register(IServiceCollection services)
    {
    }

    public abstract ValueTask DisposeAsync();

    protected static Dictionary<string, string?> Resilience(string section)
    {
        var settings = Support.CrmServices.FastResilience(section);

        // On a fake clock nothing is waited out in-process: every failure reaches the sync as the host would see it.
        settings[$"{section}:Resilience:MaxRetryAttempts"] = "0";
        settings[$"{section}:Resilience:RateLimitPermits"] = "100000";
        return settings;
    }
}
