using System.Text.Json;
using LeadSync.Testing.Crm;

namespace LeadSync.Reliability.Tests;

/// <summary>The verdict R1–R3 share: every delivery was accepted under one lead id, and every unique lead reached the CRM exactly once.</summary>
public static class ExactlyOnce
{
    /// <summary>The lead id each planned delivery was answered with; one per delivery, one per unique e-mail.</summary>
    public static Dictionary<string, string> AcceptedLeadIds(
        IEnumerable<(string WebhookId, string Email, DeliveryOutcome Outcome)> outcomes, IReadOnlyList<(string WebhookId, string Email)> plan)
    {
        var leadIds = outcomes.Where(o => o.Outcome.Status == 202).GroupBy(a => a.WebhookId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Outcome.LeadId!).Distinct().Single());
        Assert.Equal(plan.Select(d => d.WebhookId).Distinct().Count(), leadIds.Count);
        Assert.Equal(UniqueEmails(plan).Count, leadIds.Values.Distinct().Count());
        return leadIds;
    }

    public static List<string> UniqueEmails(IReadOnlyList<(string WebhookId, string Email)> plan) =>
        [.. plan.Select(d => d.Email).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Waits for every lead to be Synced, then asserts one CRM contact per unique e-mail, each created once, and one
    /// <c>lead.received</c> and one <c>crm.synced</c> entry per lead (redeliveries and lost-answer retries filed once).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, JsonElement>> AssertSyncedOnceAsync(HostApi api, HubSpotSimulator stub, IReadOnlyCollection<string> leadIds, IReadOnlyList<string> unique)
    {
        var synced = await api.WaitForLeadsAsync(leadIds, l => HostApi.Status(l) == "Synced", ReliabilityScale.Patience);
        var contacts = stub.Contacts;
        Assert.Equal(unique.Count, synced.Count);
        Assert.Equal(unique.Count, contacts.Count);
        Assert.All(unique, email => Assert.Equal(1, contacts[email].Creates));
        Assert.All(synced.Values, lead => Assert.Equal(1, HostApi.Count(lead, "crm.synced")));
        Assert.All(synced.Values, lead => Assert.Equal(1, HostApi.Count(lead, "lead.received")));
        return synced;
    }
}
