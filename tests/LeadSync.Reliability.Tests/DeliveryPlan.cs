namespace LeadSync.Reliability.Tests;

/// <summary>
/// <paramref name="total"/> deliveries of which about 10 % re-deliver an earlier one (same webhook-id, same body, as a
/// vendor retry does) — some at once, in parallel with the original, some later — in a shuffled order.
/// </summary>
public static class DeliveryPlan
{
    public static IReadOnlyList<(string WebhookId, string Email)> Build(int total, string run, int seed)
    {
        var random = new Random(seed);
        var duplicates = total / 10;
        var unique = Enumerable.Range(0, total - duplicates)
            .Select(i => ($"msg_{run}_{i}", $"r-{run}-{i}@example.com"))
            .ToList();
        var plan = new List<(string, string)>(unique);
        for (var i = 0; i < duplicates; i++)
        {
            var original = unique[random.Next(unique.Count)];
            // Half right after the original (racing it), half anywhere.
            var at = i % 2 == 0 ? plan.IndexOf(original) + 1 : random.Next(plan.Count + 1);
            plan.Insert(Math.Min(at, plan.Count), original);
        }

        return plan;
    }
}
