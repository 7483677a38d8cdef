namespace LeadSync.Infrastructure.Storage;

/// <summary>Storage needs either a connection string or both service URIs.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>The longest <see cref="StorageOptions.RecentLeadsMaxAge"/>: the default CRM attempt time-out.</summary>
    public static readonly TimeSpan MaxRecentLeadsAge = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.MaxConcurrentRequests is < 0 or > 10_000)
        {
            return ValidateOptionsResult.Fail("LeadSync:Storage:MaxConcurrentRequests must be between 0 (no limit) and 10000.");
        }

        if (options.RequestPathReserve < 0 || (options.ConcurrentRequestLimit > 0 && options.RequestPathReserve >= options.ConcurrentRequestLimit))
        {
            return ValidateOptionsResult.Fail($"LeadSync:Storage:RequestPathReserve must be at least 0 and less than LeadSync:Storage:MaxConcurrentRequests (unset: {StorageOptions.EmulatorConcurrentRequests} against the local emulator, {StorageOptions.AccountConcurrentRequests} against a storage account).");
        }

        if (options.LatencyTarget <= TimeSpan.Zero || options.LatencyTarget > TimeSpan.FromSeconds(10))
        {
            return ValidateOptionsResult.Fail("LeadSync:Storage:LatencyTarget must be more than 0 and at most 00:00:10.");
        }

        if ((OffUpTo(options.GroupCommitLinger, TimeSpan.FromSeconds(1), nameof(StorageOptions.GroupCommitLinger))
            ?? OffUpTo(options.LeadSyncLinger, TimeSpan.FromSeconds(1), nameof(StorageOptions.LeadSyncLinger))
            ?? OffUpTo(options.RecentLeadsMaxAge, MaxRecentLeadsAge, nameof(StorageOptions.RecentLeadsMaxAge))) is { } outOfRange)
        {
            return ValidateOptionsResult.Fail(outOfRange);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        if (options.TableServiceUri is null || options.QueueServiceUri is null)
        {
            return ValidateOptionsResult.Fail(
                "Set LeadSync:Storage:ConnectionString, or both LeadSync:Storage:TableServiceUri and LeadSync:Storage:QueueServiceUri.");
        }

        if (options.TablePrefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            return ValidateOptionsResult.Fail("LeadSync:Storage:TablePrefix may contain only letters and digits.");
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>The failure for a duration setting that 0 turns off and <paramref name="max"/> bounds; null when it is within.</summary>
    private static string? OffUpTo(TimeSpan value, TimeSpan max, string setting) =>
        value < TimeSpan.Zero || value > max ? $"LeadSync:Storage:{setting} must be between 00:00:00 (off) and {max:c}." : null;
}
