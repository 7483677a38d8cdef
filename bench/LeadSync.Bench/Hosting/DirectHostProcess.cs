using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadSync.Bench.Load;
using LeadSync.Testing;

namespace LeadSync.Bench.Hosting;

/// <summary>
/// The built portable host started directly (<c>dotnet LeadSync.Host.dll</c>, the command eng/run ends with, without
/// the build or the wrapper script), so its process id is the host's own and its start-up time excludes the build.
/// </summary>
public sealed class DirectHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DirectHostProcess(Process process, Uri baseUrl, TimeSpan startedIn)
    {
        _process = process;
        BaseUrl = baseUrl;
        StartedIn = startedIn;
    }

    public Uri BaseUrl { get; }

    /// <summary>From process start to the first 200 from <c>/api/health</c>.</summary>
    public TimeSpan StartedIn { get; }

    public int ProcessId => _process.Id;

    public static Task<DirectHostProcess> StartAsync(string storageConnectionString, CancellationToken cancellationToken) =>
        StartAsync(BenchHostSettings.For(storageConnectionString), cancellationToken);

    /// <param name="settings">Environment variables for the host (<see cref="BenchHostSettings"/>, and e.g. a CRM simulator).</param>
    public static async Task<DirectHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dir = Path.Combine(RepoPaths.Root, "src", "LeadSync.Host", "bin", Configuration, "net10.0");
        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(dir, "LeadSync.Host.dll"), "--urls", baseUrl.ToString().TrimEnd('/'), "--contentRoot", dir })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["LeadSync__Sources__generic__Secret"] = SignedWebhooks.LocalGenericSecret;
        info.Environment["LeadSync__Crm__EventsSecret"] = "whsec_KlfOsjsXgVAYUmsuBbAieJgt+gpv458l4b9jpM6YbGw=";
        info.Environment["LeadSync__Notifications__AckSecret"] = "local-only-ack-secret-change-me";
        info.Environment["LeadSync__Notifications__PublicBaseUrl"] = baseUrl.ToString();
        info.Environment["LeadSync__Admin__ApiKeys__0"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N"))));

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var health = new Uri(baseUrl, "api/health");
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return new DirectHostProcess(process, baseUrl, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but slow to answer (a loaded machine): ask again until the 60 s are up.
            }

            await Task.Delay(10, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException("The host did not answer /api/health with 200 within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
