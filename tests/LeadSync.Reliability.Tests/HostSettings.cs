using LeadSync.Testing;

namespace LeadSync.Reliability.Tests;

/// <summary>Settings (as eng/run environment variables) the reliability hosts are started with.</summary>
public static class HostSettings
{
    /// <summary>Every webhook source enabled with the suite's secrets; vendor APIs of id-only sources point at a closed port.</summary>
    public static Dictionary<string, string> AllSources()
    {
        var deadApi = $"http://127.0.0.1:{FreePort.Next()}/";
        return new Dictionary<string, string>
        {
            ["LeadSync__Sources__generic__Secret"] = Secrets.Generic,
            ["LeadSync__Sources__hubspot__ClientSecret"] = Secrets.HubSpotClientSecret,
            ["LeadSync__Sources__hubspot__AccessToken"] = Secrets.HubSpotSourceToken,
            ["LeadSync__Sources__hubspot__ApiBaseAddress"] = deadApi,
            ["LeadSync__Sources__typeform__Secret"] = Secrets.Typeform,
            ["LeadSync__Sources__meta__AppSecret"] = Secrets.MetaAppSecret,
            ["LeadSync__Sources__meta__VerifyToken"] = Secrets.MetaVerifyToken,
            ["LeadSync__Sources__meta__AccessToken"] = Secrets.MetaAccessToken,
            ["LeadSync__Sources__meta__GraphApiBaseAddress"] = deadApi,
            ["LeadSync__Sources__linkedin__ClientSecret"] = Secrets.LinkedIn,
            ["LeadSync__Sources__google-ads__Key"] = Secrets.GoogleAds,
            ["LeadSync__Sources__mailchimp__Key"] = Secrets.Mailchimp,
            ["LeadSync__Sources__unbounce__Key"] = Secrets.Unbounce,
            ["LeadSync__Sources__marketo__Secret"] = Secrets.Marketo,
            ["LeadSync__Sources__pardot__Key"] = Secrets.Pardot,
            ["LeadSync__Notifications__AckSecret"] = Secrets.AckSecret,

            // R5/R6 judge each refusal's own status (401 for every forged request); the flood limiter, which turns
            // failed authentications past 30 a minute into 429, has its own tests (FailedAuthenticationLimitTests).
            ["LeadSync__Intake__FailedAuthLimit"] = "0",
        };
    }

    /// <summary>
    /// The HubSpot CRM provider pointed at <paramref name="stub"/>, with retries and back-off short enough for a test
    /// and enough sync attempts that a fault storm plus an outage never dead-letters a lead.
    /// </summary>
    public static Dictionary<string, string> HubSpotCrm(Uri stub) => new()
    {
        ["LeadSync__Crm__Provider"] = "hubspot",
        ["LeadSync__Crm__HubSpot__BaseUrl"] = stub.ToString(),
        ["LeadSync__Crm__HubSpot__AccessToken"] = Secrets.CrmToken,
        ["LeadSync__Crm__HubSpot__Resilience__RateLimitPermits"] = "100000",
        ["LeadSync__Crm__HubSpot__Resilience__RetryBaseDelay"] = "00:00:00.200",
        ["LeadSync__Crm__HubSpot__Resilience__AttemptTimeout"] = "00:00:20",
        ["LeadSync__Crm__HubSpot__Resilience__BreakerBreakDuration"] = "00:00:01",
        ["LeadSync__Crm__MaxSyncAttempts"] = "100",
        ["LeadSync__Crm__RedriveSchedule"] = "*/2 * * * * *",
        ["LeadSync__Intake__SyncSafetyNetDelay"] = "00:00:10",
        ["LeadSync__Host__MaxDequeueCount"] = "100",
        ["LeadSync__Host__VisibilityTimeout"] = "00:00:15",
        ["LeadSync__Host__MaxPollingInterval"] = "00:00:00.500",
    };

    public static Dictionary<string, string> Merge(params IReadOnlyDictionary<string, string>[] parts)
    {
        var merged = new Dictionary<string, string>();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
