namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>How a hostile case presents itself: with the source's real secret, without any, or with a wrong one.</summary>
public enum AuthMode
{
    Signed,
    Unsigned,
    Garbled,
}
