using Microsoft.Extensions.Options;

namespace LeadSync.Core.Tests.Sla.Policies;

/// <summary>An options monitor that always returns one snapshot.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
