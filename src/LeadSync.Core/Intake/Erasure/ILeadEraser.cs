namespace LeadSync.Core.Intake.Erasure;

/// <summary>
/// Erases a lead's personal data (contact, raw payload, free-text answers, touch URLs, timeline details that carry
/// them) while keeping the non-personal facts needed for reporting and redelivery dedupe. Implemented by storage.
/// </summary>
public interface ILeadEraser
{
    /// <summary>Null when no lead with that id is stored (yet). Erasing an erased lead changes nothing.</summary>
    Task<LeadEraseResult?> EraseAsync(string leadId, string actor, string reason, CancellationToken cancellationToken);
}
