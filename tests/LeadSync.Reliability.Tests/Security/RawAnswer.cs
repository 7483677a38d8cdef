namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// A response read off the wire while the request body was still being sent: status, content type, body, and how
/// many body bytes had been written when the answer was complete.
/// </summary>
public sealed record RawAnswer(int Status, string? ContentType, string Body, long BodyBytesSentWhenAnswered);
