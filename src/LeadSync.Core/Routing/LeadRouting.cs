namespace LeadSync.Core.Routing;

/// <summary>
/// Routing at intake, run once per lead just before its first CRM upsert: the policy for the lead's source and tier;
/// with <c>route</c>, the account owner when the e-mail domain matches a CRM account, else the territory's team and,
/// within it, weighted round-robin over the reps available now. The decision is recorded on the lead (owner written to
/// the CRM by the upsert) with its reason on the timeline. Also the dry run and the ladder's reassign rung.
/// </summary>
public sealed partial class LeadRouting(
    PeopleDirectorySource people,
    IRoutingLedger ledger,
    AccountLookupCache accounts,
    IOptionsMonitor<RoutingOptions> options,
    ISlaPolicy sla,
    ILeadStore store,
    LeadMutator mutator,
    TimeProvider time,
    ILogger<LeadRouting> logger)
{
    /// <summary>Conditional ledger commits tried before the step is left for the message's retry.</summary>
    public const int MaxCommitAttempts = 8;

    /// <summary>
    /// Routes <paramref name="lead"/> if a policy routes it and it was not routed yet; returns the lead to upsert
    /// (the stored version after the routing write, or the lead as given).
    /// </summary>
    public async Task<Lead> RouteAsync(Lead lead, CancellationToken cancellationToken)
    {
        if (lead.RoutedAt is not null)
        {
            return lead;
        }

        var policy = RoutingPolicySelector.Select(lead, sla.PolicyName(lead), options.CurrentValue);
        if (!RoutingPolicySelector.Routes(policy))
        {
            return lead;
        }

        var decision = await DecideAsync(lead, policy!, options.CurrentValue, commit: true, null, lead.Id, cancellationToken);
        var now = time.GetUtcNow();
        var written = await mutator.MutateAsync(lead, current => current.RoutedAt is not null || current.Status != LeadStatus.SalesReady ? null
            : new LeadChange(current with { RoutedAt = now, RoutedOwner = decision.OwnerId, RoutedTeam = decision.TeamId, Owner = decision.OwnerId ?? current.Owner },
                [new TimelineEntry(now, "routing", LeadEvents.Routed, decision.Explanation)]), cancellationToken);
        LogRouted(logger, lead.Id, decision.Outcome, decision.Policy ?? "-");
        return written?.Lead ?? await store.GetAsync(lead.Id, cancellationToken) ?? lead;
    }

    /// <summary>What routing would decide for <paramref name="lead"/> now (nothing written; account lookups are cached reads).</summary>
    public async Task<RoutingDecision> DryRunAsync(Lead lead, RoutingOptions? candidate, CancellationToken cancellationToken)
    {
        var o = candidate ?? options.CurrentValue;
        var policy = RoutingPolicySelector.Select(lead, sla.PolicyName(lead), o);
        return RoutingPolicySelector.Routes(policy)
            ? await DecideAsync(lead, policy!, o, commit: false, null, lead.Id, cancellationToken)
            : RoutingDecision.LeaveToCrm(policy is null ? "No routing policy fits: the CRM's assignment rules choose." : $"Policy {policy.Name} leaves the owner to the CRM.", policy?.Name);
    }

    /// <summary>
    /// For a <c>reassign</c> rung or a recipient's Reassign answer: the next rep of the lead's team by the same
    /// round-robin, not the current owner, or null when no policy routes the lead or its team has nobody available (the
    /// CRM pool then applies). <paramref name="assignmentKey"/> makes the pick idempotent: the same key gets the same rep.
    /// </summary>
    public async Task<RoutingDecision?> ReassignAsync(Lead lead, string assignmentKey, CancellationToken cancellationToken)
    {
        var policy = RoutingPolicySelector.Select(lead, sla.PolicyName(lead), options.CurrentValue);
        if (!RoutingPolicySelector.Routes(policy))
        {
            return null;
        }

        var decision = await DecideAsync(lead, policy!, options.CurrentValue, commit: true, lead.Owner ?? "", assignmentKey, cancellationToken);
        return decision.ChoseOwner ? decision : null;
    }

    private async Task<RoutingDecision> DecideAsync(
        Lead lead, RoutingPolicyOptions policy, RoutingOptions o, bool commit, string? excludeOwner, string assignmentKey, CancellationToken cancellationToken)
    {
        var directory = await people.GetAsync(cancellationToken);
        if (commit && await ledger.FindAsync(assignmentKey, cancellationToken) is { } prior)
        {
            return FromPrior(prior, policy.Name);
        }

        var now = time.GetUtcNow();
        var notes = new List<string>();
        if (policy.AccountMatch && excludeOwner is null
            && await AccountOwnerAsync(lead, policy, o, directory, notes, commit, assignmentKey, now, cancellationToken) is { } byAccount)
        {
            return byAccount;
        }

        var rule = TerritoryMatcher.Match(lead, policy, o);
        var teamKey = rule?.Team ?? policy.DefaultTeam;
        var via = rule is null ? "no territory fits; default team" : $"territory {Label(rule)}";
        if (string.IsNullOrWhiteSpace(teamKey))
        {
            return RoutingDecision.LeaveToCrm(Sentence(notes, $"No territory of policy {policy.Name} fits and it has no default team: the CRM's assignment rules choose."), policy.Name);
        }

        if (directory.FindTeam(teamKey) is not { } team)
        {
            return RoutingDecision.LeaveToCrm(Sentence(notes, $"{Capitalize(via)} → team {teamKey}, which the people directory does not know: the CRM's assignment rules choose."), policy.Name);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var attempt = 1; attempt <= MaxCommitAttempts; attempt++)
        {
            var state = await ledger.ReadAsync(team.Id, team.Members, cancellationToken);
            var released = await ReleaseClosedAsync(team, directory, state, cancellationToken);
            RepLoad Load(Person p)
            {
                var rep = state.Rep(p.Id);
                var gone = released.GetValueOrDefault(p.Id) ?? [];
                return new RepLoad(rep.OpenLeads.Count(id => !gone.Contains(id)), rep.LoadOn(today).NewToday);
            }

            var pick = RoundRobin.Pick(team, directory, state.Credits, Load, now, lead.Id, excludeOwner);
            var skipped = pick.Skipped.Count == 0 ? "" : $"; skipped: {string.Join("; ", pick.Skipped)}";
            if (pick.Chosen is not { } chosen)
            {
                return new RoutingDecision(RoutingOutcome.NoRepAvailable,
                    Sentence(notes, $"{Capitalize(via)} → team {team.Name}: no rep available{skipped}. The CRM's assignment rules choose."))
                { Policy = policy.Name, TeamId = team.Id, DirectoryVersion = directory.Version };
            }

            var ownerId = chosen.CrmUserId(directory.Crm)!;
            var decision = new RoutingDecision(RoutingOutcome.Team,
                Sentence(notes, $"{Capitalize(via)} → team {team.Name} → owner {chosen.Name} (weighted round-robin{skipped})."))
            {
                Policy = policy.Name,
                PersonId = chosen.Id,
                OwnerId = ownerId,
                TeamId = team.Id,
                DirectoryVersion = directory.Version,
            };
            if (!commit)
            {
                return decision;
            }

            var assignment = new RoutingAssignment(assignmentKey, chosen.Id, ownerId, team.Id, directory.Version, decision.Explanation, now)
            {
                Credits = pick.Credits,
                TrackOpen = chosen.MaxOpenLeads is not null,
                ReleasedLeads = released.GetValueOrDefault(chosen.Id) ?? [],
            };
            switch (await ledger.TryCommitAsync(state, assignment, cancellationToken))
            {
                case RoutingCommitResult.Committed:
                    return decision;
                case RoutingCommitResult.AlreadyRouted when await ledger.FindAsync(assignmentKey, cancellationToken) is { } earlier:
                    return FromPrior(earlier, policy.Name);
                default:
                    LogContended(logger, lead.Id, attempt);
                    break;
            }
        }

        throw new InvalidOperationException($"Routing of lead {lead.Id} lost {MaxCommitAttempts} ledger races; the message is retried.");
    }

    private async Task<RoutingDecision?> AccountOwnerAsync(
        Lead lead, RoutingPolicyOptions policy, RoutingOptions o, PeopleDirectory directory, List<string> notes, bool commit, string assignmentKey, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (EmailDomains.Of(lead) is not { } domain)
        {
            return null;
        }

        if (EmailDomains.IsFreeMail(domain, o.FreeMailDomains))
        {
            notes.Add($"e-mail domain {domain} is free mail (no account match)");
            return null;
        }

        AccountMatch? match;
        try
        {
            match = await accounts.FindAsync(domain, cancellationToken);
        }
        catch (CrmReadException ex)
        {
            notes.Add($"the account lookup for {domain} failed ({ex.Outcome?.Reason ?? "CRM unavailable"})");
            return null;
        }

        if (match is null)
        {
            notes.Add($"no account has domain {domain}");
            return null;
        }

        if (match.OwnerCrmUserId is not { Length: > 0 } ownerId)
        {
            notes.Add($"domain {domain} matched account {match.AccountName}, which has no owner");
            return null;
        }

        var person = directory.Find(ownerId);
        var absent = person is null ? null : Availability.Absence(person, now);
        var explanation = $"Domain {domain} matched account {match.AccountName} → owner {person?.Name ?? ownerId}."
            + (absent is null ? "" : $" The account owner keeps the lead although {absent}; the ladder goes past them.");
        var decision = new RoutingDecision(RoutingOutcome.AccountOwner, explanation)
        {
            Policy = policy.Name,
            PersonId = person?.Id,
            OwnerId = ownerId,
            DirectoryVersion = directory.Version,
        };
        if (commit && person is not null)
        {
            // Counted in the owner's load (capacity of later team picks); the account owner gets the lead regardless.
            var state = await ledger.ReadAsync(null, [person.Id], cancellationToken);
            var assignment = new RoutingAssignment(assignmentKey, person.Id, ownerId, null, directory.Version, explanation, now) { TrackOpen = person.MaxOpenLeads is not null };
            await ledger.TryCommitAsync(state, assignment, cancellationToken);
        }

        return decision;
    }

    /// <summary>
    /// For reps at their open-lead cap: their listed leads that are no longer open, or no longer theirs, are released
    /// (read from the lead store; only for reps at the cap, so a routing step reads at most a cap's worth of leads).
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> ReleaseClosedAsync(Team team, PeopleDirectory directory, RoutingLedgerState state, CancellationToken cancellationToken)
    {
        var released = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var member in team.Members)
        {
            if (directory.Find(member) is not { MaxOpenLeads: { } cap } person || state.Rep(member).OpenLeads is not { } open || open.Count < cap)
            {
                continue;
            }

            var ownerId = person.CrmUserId(directory.Crm);
            var gone = new List<string>();
            foreach (var leadId in open)
            {
                var lead = await store.GetAsync(leadId, cancellationToken);
                if (lead is null || !lead.IsOpen || (lead.Owner is { } owner && ownerId is not null && !owner.Equals(ownerId, StringComparison.OrdinalIgnoreCase)))
                {
                    gone.Add(leadId);
                }
            }

            if (gone.Count > 0)
            {
                released[member] = gone;
            }
        }

        return released;
    }

    private static RoutingDecision FromPrior(RoutingAssignment prior, string policy) =>
        new(prior.TeamId is null ? RoutingOutcome.AccountOwner : RoutingOutcome.Team, prior.Explanation)
        {
            Policy = policy,
            PersonId = prior.PersonId,
            OwnerId = prior.OwnerId,
            TeamId = prior.TeamId,
            DirectoryVersion = prior.DirectoryVersion,
        };

    private static string Label(TerritoryRuleOptions rule) => string.IsNullOrWhiteSpace(rule.Name) ? rule.Team : rule.Name;

    private static string Sentence(List<string> notes, string decision) =>
        notes.Count == 0 ? decision : $"{Capitalize(string.Join("; ", notes))}. {decision}";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [LoggerMessage(EventId = 8701, Level = LogLevel.Information, Message = "Lead {LeadId} routed: {Outcome} (policy {Policy})")]
    private static partial void LogRouted(ILogger logger, string leadId, RoutingOutcome outcome, string policy);

    [LoggerMessage(EventId = 8702, Level = LogLevel.Debug, Message = "Lead {LeadId}: routing ledger race lost (attempt {Attempt}); deciding again")]
    private static partial void LogContended(ILogger logger, string leadId, int attempt);
}
