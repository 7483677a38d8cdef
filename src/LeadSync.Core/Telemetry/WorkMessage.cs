namespace LeadSync.Core.Telemetry;

/// <summary>
/// A queue message body plus the W3C <c>traceparent</c> of the activity that enqueued it, on a second line, so the
/// consumer continues the same trace in either host. Messages without one (older or hand-made) still work.
/// </summary>
public static class WorkMessage
{
    public static string Wrap(string body, Activity? current = null)
    {
        var traceParent = (current ?? Activity.Current)?.Id;
        return traceParent is null || current?.IdFormat == ActivityIdFormat.Hierarchical ? body : body + "\n" + traceParent;
    }

    public static (string Body, ActivityContext Parent) Unwrap(string raw)
    {
        var newline = raw.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return (raw, default);
        }

        var body = raw[..newline];
        return ActivityContext.TryParse(raw[(newline + 1)..].Trim(), null, out var parent) ? (body, parent) : (body, default);
    }
}
