namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>A read-only body whose length HttpClient cannot see, so it is sent chunked (no Content-Length).</summary>
public sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    public override bool CanSeek => false;
}
