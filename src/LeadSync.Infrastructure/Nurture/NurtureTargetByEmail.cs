namespace LeadSync.Infrastructure.Nurture;

/// <summary>
/// A marketing tool that takes leads back by e-mail address: the settings in effect are read once per push, and a lead
/// without an e-mail address is refused as permanent before any call.
/// </summary>
public abstract class NurtureTargetByEmail<TSettings>(IOptionsMonitor<NurtureOptions> options) : INurtureTarget
{
    public abstract string Name { get; }

    public Task<NurtureResult> PushAsync(Lead lead, string reason, string? target, CancellationToken cancellationToken)
    {
        var settings = Current;
        var destination = DestinationOf(settings, target);
        return lead.Contact.Email is { } email
            ? PushAsync(lead, email, reason, target, settings, destination, cancellationToken)
            : Task.FromResult(new NurtureResult(false, destination, "permanent: the lead has no e-mail address"));
    }

    /// <summary>Deletes the subject's contact from the tool (each of these tools has a deletion API).</summary>
    public abstract Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken);

    /// <summary>This tool's settings in effect now.</summary>
    protected TSettings Current => Select(options.CurrentValue);

    /// <summary>This tool's part of the nurture settings.</summary>
    protected abstract TSettings Select(NurtureOptions options);

    /// <summary>Where the lead goes, in words (for the timeline and the recycle report); <paramref name="target"/> is the reason's own target, if any.</summary>
    protected abstract string DestinationOf(TSettings settings, string? target);

    protected abstract Task<NurtureResult> PushAsync(
        Lead lead, string email, string reason, string? target, TSettings settings, string destination, CancellationToken cancellationToken);
}
