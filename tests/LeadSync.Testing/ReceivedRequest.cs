namespace LeadSync.Testing;

public sealed record ReceivedRequest(string Method, string Path, string? ContentType, string Body, DateTimeOffset At);
