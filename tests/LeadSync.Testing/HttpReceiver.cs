using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadSync.Testing;

/// <summary>A real HTTP server on a free loopback port that records every request it receives (a Teams/Slack/webhook stand-in).</summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private int _failuresLeft;
    private int _scriptedLeft;
    private (int Status, string? Body, TimeSpan? RetryAfter) _scripted;

    private HttpReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IReadOnlyCollection<ReceivedRequest> Received => _received.ToArray();

    /// <summary>Answer the next <paramref name="count"/> requests with 503 (they are still recorded).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>
    /// Answer the next <paramref name="count"/> requests with <paramref name="status"/>, an optional text body and an
    /// optional <c>Retry-After</c> (a throttling channel); they are still recorded.
    /// </summary>
    public void AnswerNext(int count, int status, string? body = null, TimeSpan? retryAfter = null)
    {
        _scripted = (status, body, retryAfter);
        Interlocked.Exchange(ref _scriptedLeft, count);
    }

    public static async Task<HttpReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new HttpReceiver(app, new Uri($"http://127.0.0.1:{port}/hook"));
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver._received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path, context.Request.ContentType, body, DateTimeOffset.UtcNow));
            if (Interlocked.Decrement(ref receiver._scriptedLeft) >= 0)
            {
                var (status, text, retryAfter) = receiver._scripted;
                context.Response.StatusCode = status;
                if (retryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (text is not null)
                {
                    await context.Response.WriteAsync(text);
                }

                return;
            }

            context.Response.StatusCode = Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? 503 : 200;
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task<IReadOnlyCollection<ReceivedRequest>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
