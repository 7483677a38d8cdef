namespace LeadSync.Core.Intake;

/// <summary>Why a delivery was refused. Mapped to an HTTP problem in exactly one place.</summary>
public enum RejectionKind
{
    /// <summary>Unknown or disabled source (404).</summary>
    UnknownSource,

    /// <summary>Missing, wrong or stale signature (401).</summary>
    Unauthenticated,

    /// <summary>Body could not be parsed (400).</summary>
    Malformed,

    /// <summary>Wrong content type (415).</summary>
    UnsupportedMediaType,

    /// <summary>Body over the limit (413).</summary>
    PayloadTooLarge,

    /// <summary>Authenticated but cannot become a lead (422).</summary>
    Unprocessable,

    /// <summary>Storage unreachable: nothing was acknowledged (503).</summary>
    StorageUnavailable,
}
