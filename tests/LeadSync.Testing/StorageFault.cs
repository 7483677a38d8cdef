namespace LeadSync.Testing;

/// <summary>How a <see cref="FaultyStorageProxy"/> treats storage requests.</summary>
public enum StorageFault
{
    /// <summary>Relays every byte to the service behind it.</summary>
    None,

    /// <summary>Not listening: connections are refused.</summary>
    Refuse,

    /// <summary>Accepts each connection and resets it at once.</summary>
    Reset,

    /// <summary>Accepts and reads requests but never answers (a paused or hung service).</summary>
    Stall,

    /// <summary>Answers every request 500.</summary>
    ServerError,

    /// <summary>Answers every request 503 with <c>Retry-After: 30</c> (server busy).</summary>
    Unavailable,

    /// <summary>Answers every request 429 with <c>Retry-After: 30</c> (throttled).</summary>
    Throttled,
}
