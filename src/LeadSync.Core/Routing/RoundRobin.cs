namespace LeadSync.Core.Routing;

/// <summary>
/// Weighted round-robin within a team (pure): smooth weighted round-robin over the reps available now. Every step each
/// available rep gains its weight in credit, the one with the most credit gets the lead and gives back the sum of the
/// weights. Reps who are off-hours, out of office, inactive, at capacity, or without a user id in the connected CRM take
/// no part (and gain no credit, so they do not come back to a burst of leads). Ties go by a hash of (lead, rep), so the
/// same lead with the same credits and the same directory always goes to the same rep. Over any run of steps with the
/// same reps available, each rep's count stays within one lead of its weighted share.
/// </summary>
public static class RoundRobin
{
    public static RoundRobinPick Pick(
        Team team, PeopleDirectory directory, IReadOnlyDictionary<string, long> credits, Func<Person, RepLoad> load,
        DateTimeOffset now, string leadId, string? excludeOwnerId = null)
    {
        var candidates = new List<Person>();
        var skipped = new List<string>();
        foreach (var member in team.Members)
        {
            if (directory.Find(member) is not { } person || person.Id != member)
            {
                continue;
            }

            var ownerId = person.CrmUserId(directory.Crm);
            var reason = ownerId is null ? $"{person.Name} has no {directory.Crm} user id"
                : excludeOwnerId is not null && ownerId.Equals(excludeOwnerId, StringComparison.OrdinalIgnoreCase) ? $"{person.Name} is the current owner"
                : Availability.Absence(person, now) ?? Availability.Capacity(person, load(person));
            if (reason is null)
            {
                candidates.Add(person);
            }
            else
            {
                skipped.Add(reason);
            }
        }

        if (candidates.Count == 0)
        {
            return new RoundRobinPick(null, credits, skipped);
        }

        var next = team.Members.Where(credits.ContainsKey).ToDictionary(m => m, m => credits[m], StringComparer.Ordinal);
        long total = 0;
        foreach (var candidate in candidates)
        {
            next[candidate.Id] = next.GetValueOrDefault(candidate.Id) + candidate.Weight;
            total += candidate.Weight;
        }

        var chosen = candidates
            .OrderByDescending(c => next[c.Id])
            .ThenBy(c => TieBreak(leadId, c.Id))
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .First();
        next[chosen.Id] -= total;
        return new RoundRobinPick(chosen, next, skipped);
    }

    private static ulong TieBreak(string leadId, string personId)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{leadId}|{personId}"), digest);
        return BitConverter.ToUInt64(digest[..8]);
    }
}
