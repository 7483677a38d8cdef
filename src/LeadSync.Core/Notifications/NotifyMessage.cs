namespace LeadSync.Core.Notifications;

/// <summary>
/// Asks for one escalation notice to be delivered: <c>{leadId}|{level}</c>. One queue message may carry several,
/// separated by <c>;</c> (the sweep sends each run's notices in a few messages instead of one per notice).
/// </summary>
public sealed record NotifyMessage(string LeadId, int Level)
{
    /// <summary>Most notices one queue message carries, so handling one message stays short.</summary>
    public const int MaxPerMessage = 25;

    private const char Separator = ';';

    public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{LeadId}|{Level}");

    /// <summary>The queue messages that carry <paramref name="notices"/>, up to <see cref="MaxPerMessage"/> each.</summary>
    public static IEnumerable<string> EncodeAll(IEnumerable<NotifyMessage> notices) =>
        notices.Chunk(MaxPerMessage).Select(chunk => string.Join(Separator, chunk.Select(n => n.Encode())));

    public static NotifyMessage? TryDecode(string? text)
    {
        var parts = text?.Split('|');
        return parts is { Length: 2 } && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level >= 0
            ? new NotifyMessage(parts[0], level)
            : null;
    }

    /// <summary>Every notice a queue message carries (one or more), or null when any part is malformed.</summary>
    public static IReadOnlyList<NotifyMessage>? TryDecodeAll(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var notices = new List<NotifyMessage>();
        foreach (var part in text.Split(Separator))
        {
            if (TryDecode(part) is not { } notice)
            {
                return null;
            }

            notices.Add(notice);
        }

        return notices;
    }
}
