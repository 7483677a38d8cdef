namespace LeadSync.Core.Admin;

/// <summary>The <see cref="AdminResources.SlaPolicies"/> document: the policy part of <c>LeadSync:Sla</c> (not the sweep timer).</summary>
public sealed class SlaPolicyDocument
{
    public TimeSpan FirstTouch { get; set; } = TimeSpan.FromHours(1);

    public IList<EscalationLevelOptions> Levels { get; } = [];

    public IDictionary<string, BusinessCalendarOptions> Calendars { get; } =
        new Dictionary<string, BusinessCalendarOptions>(StringComparer.OrdinalIgnoreCase);

    public IList<SlaPolicyOptions> Policies { get; } = [];

    public static SlaPolicyDocument From(SlaOptions options)
    {
        var doc = new SlaPolicyDocument { FirstTouch = options.FirstTouch };
        Replace(doc.Levels, options.Levels);
        foreach (var (name, calendar) in options.Calendars)
        {
            doc.Calendars[name] = calendar;
        }

        Replace(doc.Policies, options.Policies);
        return doc;
    }

    /// <summary>Overlays this document on <paramref name="options"/> (the sweep schedule and batch size stay).</summary>
    public void ApplyTo(SlaOptions options)
    {
        options.FirstTouch = FirstTouch;
        Replace(options.Levels, Levels);
        options.Calendars.Clear();
        foreach (var (name, calendar) in Calendars)
        {
            options.Calendars[name] = calendar;
        }

        Replace(options.Policies, Policies);
    }

    private static void Replace<T>(IList<T> target, IEnumerable<T> source)
    {
        target.Clear();
        foreach (var item in source)
        {
            target.Add(item);
        }
    }
}
