using System.Diagnostics;

namespace LeadSync.Testing;

/// <summary>
/// A real Azurite (from the repository's node_modules, installed by eng/test's npm ci), in memory on free loopback
/// ports. Can be stopped and started again on the same ports to simulate a storage outage.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Action<string>? _accessLog;
    private Process? _process;

    private AzuriteProcess(int blobPort, int queuePort, int tablePort, Action<string>? accessLog)
    {
        _accessLog = accessLog;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The Azurite process's id while it runs (e.g. to read its CPU time), or null.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="accessLog">
    /// When given, Azurite runs without <c>--silent</c> and each line of its access log (one per storage request) is
    /// passed here, so a benchmark can count the storage calls the code under test makes.
    /// </param>
    public static async Task<AzuriteProcess> StartAsync(Action<string>? accessLog = null)
    {
        var azurite = new AzuriteProcess(FreePort.Next(), FreePort.Next(), FreePort.Next(), accessLog);
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        var bin = RepoPaths.NodeBin("azurite");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed at {bin}: run eng/test (it runs npm ci).");
        }

        var info = new ProcessStartInfo(bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_accessLog is null)
        {
            info.ArgumentList.Add("--silent");
        }

        foreach (var arg in new[]
        {
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        var accessLog = _accessLog;
        _process.OutputDataReceived += (_, e) =>
        {
            if (accessLog is not null && e.Data is { } line && line.Contains(" HTTP/1", StringComparison.Ordinal))
            {
                accessLog(line);
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(TablePort, TimeSpan.FromSeconds(30));
        await FreePort.WaitUntilListeningAsync(QueuePort, TimeSpan.FromSeconds(10));
    }

    /// <summary>Kills Azurite (its in-memory data is lost); used to simulate a storage outage.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
