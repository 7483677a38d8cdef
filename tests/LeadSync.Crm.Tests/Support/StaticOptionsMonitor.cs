using Microsoft.Extensions.Options;

namespace LeadSync.Crm.Tests.Support;

/// <summary>An options monitor over one fixed value, for constructing adapters outside a host.</summary>
public sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
