using Microsoft.Extensions.Options;

namespace LeadSync.Core.Tests.Intake;

/// <summary>A fixed IOptionsMonitor for source tests.</summary>
public sealed class SourceOptions<T>(T value) : IOptionsMonitor<T>
    where T : class
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

public static class SourceOptions
{
    public static SourceOptions<T> Of<T>(T value)
        where T : class => new(value);
}
