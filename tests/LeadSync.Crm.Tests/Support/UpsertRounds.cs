using LeadSync.Core.Crm;
using LeadSync.Core.Leads;

namespace LeadSync.Crm.Tests.Support;

/// <summary>
/// What the sync queue does with a failed upsert, in a test: retry rounds (up to ten) until every lead is upserted,
/// each round sending only the leads the last one did not finish. No round may call a lead permanently failed.
/// </summary>
internal static class UpsertRounds
{
    private const int MaxRounds = 10;

    /// <summary>
    /// Runs the rounds; <paramref name="afterRound"/> sees the round number and the leads still pending (the place for
    /// the queue's back-off and for changing the faults after the first round). Returns the leads never upserted.
    /// </summary>
    public static async Task<IReadOnlyList<Lead>> UntilAllUpsertedAsync(
        ICrmGateway gateway, IReadOnlyList<Lead> leads, Func<int, IReadOnlyList<Lead>, Task>? afterRound = null)
    {
        var pending = leads;
        for (var round = 1; pending.Count > 0 && round <= MaxRounds; round++)
        {
            var results = await gateway.UpsertAsync(pending, default);
            Assert.All(results, r => Assert.NotEqual(CrmOutcomeKind.Permanent, r.Outcome.Kind));
            pending = [.. pending.Where(l => !results.Single(r => r.LeadId == l.Id).Outcome.Succeeded)];
            if (afterRound is not null)
            {
                await afterRound(round, pending);
            }
        }

        return pending;
    }
}
