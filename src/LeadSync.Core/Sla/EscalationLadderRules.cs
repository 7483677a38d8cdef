namespace LeadSync.Core.Sla;

/// <summary>Checks one escalation ladder; shared by the default ladder and every tiered policy's ladder.</summary>
internal static class EscalationLadderRules
{
    private static readonly string[] Recipients = ["owner", "manager", "team"];

    public static void Validate(string path, IReadOnlyList<EscalationLevelOptions> levels, ICollection<string> failures)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].After < TimeSpan.Zero)
            {
                failures.Add($"{path}:{i}:After must not be negative.");
            }

            if (i > 0 && levels[i].After <= levels[i - 1].After)
            {
                failures.Add($"{path}:{i}:After must be later than level {i - 1}.");
            }

            if (!Recipients.Contains(levels[i].Recipient, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{path}:{i}:Recipient must be one of {string.Join(", ", Recipients)}.");
            }

            if (!EscalationActions.All.Contains(EscalationActions.Normalize(levels[i].Action)))
            {
                failures.Add($"{path}:{i}:Action '{levels[i].Action}' must be one of {string.Join(", ", EscalationActions.All)}.");
            }
        }
    }
}
