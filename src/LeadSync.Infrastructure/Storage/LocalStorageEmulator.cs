namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Whether the configured storage is the local emulator (Azurite): a service URI on the loopback interface, the
/// development-storage shortcut, the emulator's well-known account, or a connection string whose endpoints are loopback.
/// </summary>
internal static class LocalStorageEmulator
{
    private const string EmulatorAccount = "devstoreaccount1";

    public static bool IsTarget(StorageOptions options)
    {
        if (options.TableServiceUri is { } tables)
        {
            return tables.IsLoopback;
        }

        foreach (var part in (options.ConnectionString ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (part[..at], part[(at + 1)..]) : (part, string.Empty);
            if ((key.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) && value.Equals("true", StringComparison.OrdinalIgnoreCase)) ||
                (key.Equals("AccountName", StringComparison.OrdinalIgnoreCase) && value.Equals(EmulatorAccount, StringComparison.Ordinal)) ||
                (key.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(value, UriKind.Absolute, out var endpoint) && endpoint.IsLoopback))
            {
                return true;
            }
        }

        return false;
    }
}
