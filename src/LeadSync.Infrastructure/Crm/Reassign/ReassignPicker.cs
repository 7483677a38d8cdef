namespace LeadSync.Infrastructure.Crm.Reassign;

/// <summary>
/// Resolves a pool name to the owner a lead goes to. Owners are not rotated through a stored counter but picked from a
/// hash of (lead id, escalation level): every retry of the same escalation step picks the same owner, so a retry can
/// neither skip an owner nor move the lead twice, and no state has to survive a crash. When the pick is the lead's
/// current owner the next owner in the list is taken. Over many leads the hash spreads them evenly; a strict
/// one-after-another rotation is not promised.
/// </summary>
internal static class ReassignPicker
{
    public static (ReassignChoice? Choice, CrmReassignment? Failure) Pick(
        Lead lead, string pool, IReadOnlyDictionary<string, CrmReassignPool> pools, string section, Func<string, string?, bool> sameOwner)
    {
        if (string.IsNullOrWhiteSpace(pool) || !pools.TryGetValue(pool, out var target))
        {
            return (null, new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent,
                $"No reassignment target for pool '{pool}': set {section}:Reassign:{pool}:Queue or :Owners.")));
        }

        if (!string.IsNullOrWhiteSpace(target.Queue))
        {
            return (new ReassignChoice(target.Queue.Trim(), true), null);
        }

        var owners = target.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();
        if (owners.Count == 0)
        {
            return (null, new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, $"{section}:Reassign:{pool} names no owner.")));
        }

        var pick = (int)(Hash($"{lead.Id}|{lead.EscalationLevel}") % (uint)owners.Count);
        if (owners.Count > 1 && sameOwner(owners[pick], lead.Owner))
        {
            pick = (pick + 1) % owners.Count;
        }

        return (new ReassignChoice(owners[pick], false), null);
    }

    private static uint Hash(string value)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return BitConverter.ToUInt32(digest[..4]);
    }
}
