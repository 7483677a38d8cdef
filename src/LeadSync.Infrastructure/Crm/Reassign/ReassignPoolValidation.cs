namespace LeadSync.Infrastructure.Crm.Reassign;

/// <summary>Start-up checks of a provider's <c>Reassign</c> map: each pool names a queue or owners (not both), in the vendor's id format.</summary>
internal static class ReassignPoolValidation
{
    public static IEnumerable<ValidationResult> Validate(
        IReadOnlyDictionary<string, CrmReassignPool> pools, string section, bool queuesAllowed, Func<string, bool> validQueue, Func<string, bool> validOwner, string queueFormat, string ownerFormat)
    {
        foreach (var (name, pool) in pools)
        {
            var path = $"{section}:Reassign:{name}";
            var hasQueue = !string.IsNullOrWhiteSpace(pool.Queue);
            var owners = pool.Owners.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();
            if (hasQueue && !queuesAllowed)
            {
                yield return new ValidationResult($"{path}:Queue is not supported by this CRM; list owner ids under {path}:Owners.", ["Reassign"]);
            }
            else if (hasQueue == owners.Count > 0)
            {
                yield return new ValidationResult($"{path} must set exactly one of Queue and Owners.", ["Reassign"]);
            }

            if (hasQueue && queuesAllowed && !validQueue(pool.Queue.Trim()))
            {
                yield return new ValidationResult($"{path}:Queue '{pool.Queue}' is not {queueFormat}.", ["Reassign"]);
            }

            foreach (var owner in owners.Where(o => !validOwner(o)))
            {
                yield return new ValidationResult($"{path}:Owners contains '{owner}', which is not {ownerFormat}.", ["Reassign"]);
            }
        }
    }
}
