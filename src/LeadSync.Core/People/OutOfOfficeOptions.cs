namespace LeadSync.Core.People;

/// <summary>One out-of-office period (half-open: from <see cref="From"/> up to, not including, <see cref="To"/>).</summary>
public sealed class OutOfOfficeOptions
{
    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }

    /// <summary>Shown on the timeline when a rung or a lead skips the person (e.g. "vacation").</summary>
    public string? Note { get; set; }
}
