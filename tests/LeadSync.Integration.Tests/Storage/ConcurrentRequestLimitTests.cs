using System.Net;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>StorageClients against a stand-in queue endpoint that answers each request after a short delay.</summary>
public sealed class ConcurrentRequestLimitTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _port = FreePort.Next();
    private int _open;
    private int _mostOpen;
    private int _served;

    public ConcurrentRequestLimitTests()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    [Fact]
    public async Task No_more_storage_requests_than_allowed_are_open_at_once_and_waiting_does_not_count_against_the_network_timeout()
    {
        var clients = Clients(maxConcurrentRequests: 2, networkTimeout: TimeSpan.FromSeconds(2));
        var queue = await clients.QueueAsync("limited", CancellationToken.None);

        // 40 requests of 100 ms through 2 slots take about 2 s: longer than the network timeout, which none may hit.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => queue.DeleteMessageAsync($"m{i}", "receipt")));

        Assert.Equal(2, Volatile.Read(ref _mostOpen));
        Assert.Equal(41, Volatile.Read(ref _served));
    }

    [Fact]
    public async Task The_request_path_table_does_not_wait_behind_background_requests()
    {
        var clients = Clients(maxConcurrentRequests: 2, networkTimeout: TimeSpan.FromSeconds(5));
        var queue = await clients.QueueAsync("busy", CancellationToken.None);
        var background = Task.WhenAll(Enumerable.Range(0, 40).Select(i => queue.DeleteMessageAsync($"m{i}", "receipt")));

        var inbox = await clients.RequestPathTableAsync("Inbox", CancellationToken.None);
        await inbox.DeleteEntityAsync("p", "r");

        Assert.False(background.IsCompleted);
        await background;
        Assert.Equal(3, Volatile.Read(ref _mostOpen));
    }

    [Fact]
    public async Task Zero_means_no_limit()
    {
        var clients = Clients(maxConcurrentRequests: 0, networkTimeout: TimeSpan.FromSeconds(5));
        var queue = await clients.QueueAsync("unlimited", CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => queue.DeleteMessageAsync($"m{i}", "receipt")));

        Assert.True(Volatile.Read(ref _mostOpen) > 2, $"at most {_mostOpen} open at once");
    }

    public void Dispose() => _listener.Close();

    private StorageClients Clients(int maxConcurrentRequests, TimeSpan networkTimeout) => new(Options.Create(new StorageOptions
    {
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteProcess.AccountKey +
            $";QueueEndpoint=http://127.0.0.1:{_port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_port}/devstoreaccount1;",
        MaxConcurrentRequests = maxConcurrentRequests,
        RequestPathReserve = 0,
        NetworkTimeout = networkTimeout,
    }));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var open = Interlocked.Increment(ref _open);
        InterlockedMax(ref _mostOpen, open);
        await Task.Delay(100);
        Interlocked.Decrement(ref _open);
        Interlocked.Increment(ref _served);
        context.Response.StatusCode = context.Request.HttpMethod == "PUT" ? 201 : 204;
        context.Response.Close();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
