namespace LeadSync.Core.Routing;

/// <summary>The result of a conditional ledger commit.</summary>
public enum RoutingCommitResult
{
    Committed,

    /// <summary>Another routing changed the counters since the read: read again and decide again.</summary>
    Conflict,

    /// <summary>The lead was routed already (its earlier assignment stands).</summary>
    AlreadyRouted,
}
