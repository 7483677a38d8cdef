namespace LeadSync.Core.Recycle;

/// <summary>The marketing tool that takes recycled leads back into nurture. Pushes are idempotent per lead and cycle.</summary>
public interface INurtureTarget
{
    string Name { get; }

    /// <summary>
    /// Hands <paramref name="lead"/> over for <paramref name="reason"/>, to <paramref name="target"/> (a list id or name
    /// of this tool, see <see cref="RecycleTargets"/>) or, when null, to the tool's configured list.
    /// </summary>
    Task<NurtureResult> PushAsync(Lead lead, string reason, string? target, CancellationToken cancellationToken);

    /// <summary>Deletes the subject's contact from the marketing tool; targets without a deletion API keep this default.</summary>
    Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken) =>
        Task.FromResult(TargetErasure.Unsupported("nurture:" + Name, $"{Name} offers no deletion LeadSync can call; delete the contact there."));
}
