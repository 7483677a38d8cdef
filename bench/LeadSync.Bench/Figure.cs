namespace LeadSync.Bench;

/// <summary>
/// One measured figure. <paramref name="Goal"/> is the target as text (e.g. "≤ 25 ms"); <paramref name="Met"/> says
/// whether the measured value meets it (null when the figure has no goal).
/// </summary>
public sealed record Figure(string Name, double Value, string Unit, string? Goal = null, bool? Met = null)
{
    public static Figure AtMost(string name, double value, string unit, double limit) =>
        new(name, value, unit, $"≤ {Format(limit)} {unit}".TrimEnd(), value <= limit);

    public static Figure AtLeast(string name, double value, string unit, double limit) =>
        new(name, value, unit, $"≥ {Format(limit)} {unit}".TrimEnd(), value >= limit);

    public static string Format(double value) =>
        Math.Abs(value) >= 100 || value == Math.Floor(value)
            ? value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
