using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LeadSync.Testing;

/// <summary>
/// Starts the portable host exactly as the README does — <c>eng/run</c> — with extra settings as environment
/// variables, and reads the base URL and the admin key from the banner it prints.
/// </summary>
public sealed partial class PortableHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PortableHostProcess(Process process) => _process = process;

    public Uri BaseUrl { get; private set; } = null!;

    public string AdminKey { get; private set; } = string.Empty;

    /// <summary>Everything the host printed (stdout and stderr), for log assertions.</summary>
    public IReadOnlyCollection<string> Output => _output.ToArray();

    public int ProcessId => _process.Id;

    public static async Task<PortableHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "eng", "run"));
        info.Environment["LEADSYNC_NO_BUILD"] = "1";
        info.Environment["LEADSYNC_CONFIGURATION"] = BuildConfiguration;
        info.Environment["LEADSYNC_AZURITE"] = "memory";
        info.Environment["LEADSYNC_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("eng/run did not start.");
        var host = new PortableHostProcess(process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            host._output.Enqueue(line);
            if (BaseUrlLine().Match(line) is { Success: true } url)
            {
                host.BaseUrl = new Uri(url.Groups[1].Value.TrimEnd('/') + "/");
            }
            else if (AdminKeyLine().Match(line) is { Success: true } key)
            {
                host.AdminKey = key.Groups[1].Value;
            }
            else if (line.Contains("LeadSync is ready.", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var finished = await Task.WhenAny(ready.Task, exited, Task.Delay(timeout ?? TimeSpan.FromSeconds(90)));
        if (finished != ready.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The portable host did not become ready:\n" + string.Join('\n', host.Output.TakeLast(40)));
        }

        return host;
    }

    public Uri Url(string relative) => new(BaseUrl, relative.TrimStart('/'));

    /// <summary>Kills the host with SIGKILL (and its children), as a crash would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Kills the host with SIGKILL (and its children) and waits until it is gone; start a new one to restart.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
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
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    [GeneratedRegex(@"Base URL\s+(\S+)/api")]
    private static partial Regex BaseUrlLine();

    [GeneratedRegex(@"Admin key\s+(\S+)")]
    private static partial Regex AdminKeyLine();
}
