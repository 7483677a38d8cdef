using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Crm;

/// <summary>One upsert call a <see cref="ScriptedCrmGateway"/> received; a held call answers once released.</summary>
internal sealed class ScriptedCrmCall(IReadOnlyList<Lead> leads)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Lead> Leads { get; } = leads;

    public Task Released => _released.Task;

    public void Release() => _released.TrySetResult();
}
