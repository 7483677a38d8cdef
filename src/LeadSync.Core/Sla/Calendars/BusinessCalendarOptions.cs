namespace LeadSync.Core.Sla.Calendars;

/// <summary>One named business calendar (<c>LeadSync:Sla:Calendars:{name}</c>).</summary>
public sealed class BusinessCalendarOptions
{
    /// <summary>IANA time zone id, e.g. <c>Europe/Berlin</c>. Hours and holidays are local to it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Weekday name (<c>Monday</c> … <c>Sunday</c>) → intervals such as <c>09:00-12:00,13:00-17:30</c>. Missing days are closed.</summary>
    public IDictionary<string, string> Hours { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Local dates (<c>yyyy-MM-dd</c>) on which the clock does not run.</summary>
    public IList<string> Holidays { get; } = [];

    /// <summary>24×7: business time is plain elapsed time; <see cref="Hours"/> and <see cref="Holidays"/> must then be empty.</summary>
    public bool AlwaysOpen { get; set; }
}
