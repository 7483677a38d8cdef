namespace LeadSync.Web.Admin;

/// <summary>An options monitor over one fixed value, to evaluate a candidate policy without touching the live one.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
