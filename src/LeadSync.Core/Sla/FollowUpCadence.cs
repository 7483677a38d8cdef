namespace LeadSync.Core.Sla;

/// <summary>
/// The minimum follow-up effort after first touch: at least <paramref name="Attempts"/> attempts within
/// <paramref name="Window"/> of business time on the policy's calendar (e.g. 6 attempts in 10 business days).
/// </summary>
public sealed record FollowUpCadence(int Attempts, TimeSpan Window);
