namespace LeadSync.Core.Qualification;

/// <summary>
/// The rules with values of a sales-ready definition (budget, authority, need, timeline, countries, free-mail): each
/// failed rule in words, for the lead's timeline. No failure means every rule that is set is met.
/// </summary>
public static partial class QualificationRules
{
    public static IReadOnlyList<string> Failures(QualificationOptions rules, LeadDraft draft)
    {
        var failures = new List<string>();
        if (rules.MinimumBudget > 0)
        {
            var amount = BudgetAmount.Parse(draft.Bant?.Budget);
            if (amount is null || amount < rules.MinimumBudget)
            {
                failures.Add(amount is null
                    ? $"budget {Quote(draft.Bant?.Budget)} names no amount (at least {Number(rules.MinimumBudget)} required)"
                    : $"budget {Number(amount.Value)} is below {Number(rules.MinimumBudget)}");
            }
        }

        if (rules.AuthorityRoles.Count > 0 && !HasAuthority(rules.AuthorityRoles, draft))
        {
            failures.Add($"authority {Quote(draft.Bant?.Authority ?? draft.Contact.Title)} is none of {string.Join(", ", rules.AuthorityRoles)}");
        }

        if (rules.RequireNeed && !HasNeed(draft.Bant?.Need))
        {
            failures.Add($"need {Quote(draft.Bant?.Need)} is not stated");
        }

        if (rules.MaximumTimelineMonths > 0)
        {
            var months = TimelineMonths.Parse(draft.Bant?.Timeline);
            if (months is null || months > rules.MaximumTimelineMonths)
            {
                failures.Add(months is null
                    ? $"timeline {Quote(draft.Bant?.Timeline)} names no time (at most {rules.MaximumTimelineMonths} months required)"
                    : $"timeline {Number(months.Value)} months is beyond {rules.MaximumTimelineMonths}");
            }
        }

        if (rules.Countries.Count > 0 && !rules.Countries.Any(c => string.Equals(c.Trim(), draft.Contact.Country?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"country {Quote(draft.Contact.Country)} is not one of {string.Join(", ", rules.Countries)}");
        }

        if (rules.ExcludeFreeMail && FreeMailDomains.IsFreeMail(draft.Contact.Email))
        {
            failures.Add("the e-mail is at a consumer provider, not a company domain");
        }

        return failures;
    }

    private static bool HasAuthority(IList<string> roles, LeadDraft draft)
    {
        var answer = draft.Bant?.Authority?.Trim();
        if (answer is not null && Affirmative().IsMatch(answer))
        {
            return true;
        }

        return new[] { answer, draft.Contact.Title }.Any(text => text is not null &&
            roles.Any(role => Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(role.Trim())}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))));
    }

    private static bool HasNeed(string? need) =>
        !string.IsNullOrWhiteSpace(need) && !Negative().IsMatch(need.Trim());

    private static string Quote(string? text) =>
        text is null ? "(none)" : "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(yes|y|true|i am|decision[- ]maker|final decision|sole decision)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Affirmative();

    [GeneratedRegex(@"^(no|none|n/?a|not sure|unsure|unknown|no need|nothing|false|-+)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Negative();
}
