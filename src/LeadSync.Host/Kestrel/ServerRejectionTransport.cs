namespace LeadSync.Portable.Kestrel;

/// <summary>A connection's transport whose output goes through <see cref="ServerRejectionPipeWriter"/>.</summary>
public sealed class ServerRejectionTransport(IDuplexPipe inner) : IDuplexPipe
{
    public PipeReader Input { get; } = inner.Input;

    public PipeWriter Output { get; } = new ServerRejectionPipeWriter(inner.Output);
}
