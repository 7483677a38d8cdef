namespace LeadSync.Core.Routing;

/// <summary>What routing decided for a lead, and the sentence the timeline shows.</summary>
public sealed record RoutingDecision(RoutingOutcome Outcome, string Explanation)
{
    public string? Policy { get; init; }

    /// <summary>The chosen person's directory id (null for an account owner the directory does not know).</summary>
    public string? PersonId { get; init; }

    /// <summary>The chosen owner's user id in the CRM (written to the record's owner field).</summary>
    public string? OwnerId { get; init; }

    public string? TeamId { get; init; }

    public string? DirectoryVersion { get; init; }

    public bool ChoseOwner => OwnerId is not null;

    public static RoutingDecision LeaveToCrm(string explanation, string? policy = null) => new(RoutingOutcome.LeaveToCrm, explanation) { Policy = policy };
}
