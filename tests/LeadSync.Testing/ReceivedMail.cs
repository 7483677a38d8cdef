using MimeKit;

namespace LeadSync.Testing;

/// <summary>One message the <see cref="SmtpReceiver"/> accepted: the envelope and the parsed message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, MimeMessage Message, DateTimeOffset At);
