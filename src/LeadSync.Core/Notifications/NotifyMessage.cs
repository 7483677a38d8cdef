using System.Globalization;

namespace LeadSync.Core.Notifications;

/// <summary>The queue message that asks for one escalation notice to be delivered: <c>{leadId}|{level}</c>.</summary>
public sealed record NotifyMessage(string LeadId, int Level)
{
    public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{LeadId}|{Level}");

    public static NotifyMessage? TryDecode(string? text)
    {
        var parts = text?.Split('|');
        return parts is { Length: 2 } && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level >= 0
            ? new NotifyMessage(parts[0], level)
            : null;
    }
}
