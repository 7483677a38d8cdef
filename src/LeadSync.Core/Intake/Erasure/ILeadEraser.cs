namespace LeadSync.Core.Intake.Erasure;

/// <summary>
/// Erases a lead's personal data (contact, raw payload, free-text answers) while keeping the non-personal facts
/// needed for reporting and redelivery dedupe. Implemented by storage.
/// </summary>
public interface ILeadEraser
{
    /// <summary>Returns false when no lead with that id is stored (yet).</summary>
    Task<bool> EraseAsync(string leadId, string reason, CancellationToken cancellationToken);
}
