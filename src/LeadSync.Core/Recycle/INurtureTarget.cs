namespace LeadSync.Core.Recycle;

/// <summary>The marketing tool that takes recycled leads back into nurture. Pushes are idempotent per lead and cycle.</summary>
public interface INurtureTarget
{
    string Name { get; }

    Task<NurtureResult> PushAsync(Lead lead, string reason, CancellationToken cancellationToken);

    /// <summary>Deletes the subject's contact from the marketing tool; targets without a deletion API keep this default.</summary>
    Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken) =>
        Task.FromResult(TargetErasure.Unsupported("nurture:" + Name, $"{Name} offers no deletion LeadSync can call; delete the contact there."));
}
