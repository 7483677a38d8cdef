using System.Text.RegularExpressions;

namespace LeadSync.Reliability.Tests;

/// <summary>Scans a host's captured output for configured secrets and for raw e-mail addresses the test sent.</summary>
public static partial class LogScan
{
    /// <summary>
    /// Fails when a line holds any secret of <see cref="Secrets.All"/>, the admin key, or one of <paramref name="emails"/>
    /// (case-insensitive). eng/run's banner prints the admin key once, by design, and the local generic secret as hex in
    /// its sample curl: the banner's lines are left out; everything else, start-up included, is scanned.
    /// </summary>
    public static void AssertClean(IEnumerable<string> output, IEnumerable<string> emails, string? adminKey = null)
    {
        var sent = new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        var secrets = Secrets.All.Append(adminKey).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        var leaks = new List<string>();
        var inBanner = false;
        foreach (var line in output)
        {
            if (line.Contains("LeadSync is running", StringComparison.Ordinal))
            {
                inBanner = true;
            }

            if (inBanner)
            {
                inBanner = !line.Contains("LeadSync is ready.", StringComparison.Ordinal);
                continue;
            }

            leaks.AddRange(secrets.Where(s => line.Contains(s, StringComparison.Ordinal)).Select(s => $"secret {s[..4]}… in: {line}"));
            leaks.AddRange(Email().Matches(line).Select(m => m.Value).Where(sent.Contains).Select(e => $"e-mail {e} in: {line}"));
        }

        Assert.True(leaks.Count == 0, "Logs leak:\n" + string.Join('\n', leaks.Take(20)));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
