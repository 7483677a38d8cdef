using LeadSync.Core.Leads;

namespace LeadSync.Core.Recycle;

/// <summary>The marketing tool that takes recycled leads back into nurture. Pushes are idempotent per lead and cycle.</summary>
public interface INurtureTarget
{
    string Name { get; }

    Task<NurtureResult> PushAsync(Lead lead, string reason, CancellationToken cancellationToken);
}
