using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadSync.Testing;

/// <summary>
/// A local stand-in for the Slack Web API on a real loopback port, written from vendor/FACTS.md E6: bearer bot token on
/// every call (else <c>{"ok":false,"error":"invalid_auth"}</c>), <c>GET /api/users.lookupByEmail</c> (a miss is
/// <c>users_not_found</c>), <c>POST /api/chat.postMessage</c> (JSON; <c>{ok:true, channel, ts, message}</c>;
/// <c>channel_not_found</c> for an unknown channel) — errors as HTTP 200 with <c>ok:false</c>, throttling as 429 +
/// <c>Retry-After</c>. <c>POST /actions/…</c> stands in for interactivity <c>response_url</c>s. Every call is recorded.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _usersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SlackPost> _posts = new();
    private readonly ConcurrentQueue<string> _lookups = new();
    private readonly ConcurrentQueue<JsonElement> _responses = new();
    private int _throttleLeft;
    private int _retryAfterSeconds;
    private int _messageCounter;

    private FakeSlackApi(WebApplication app, Uri baseUrl, string token)
    {
        _app = app;
        ApiBaseUrl = baseUrl;
        Token = token;
    }

    /// <summary><c>http://127.0.0.1:{port}/api/</c>, for <c>LeadSync:Notifications:Slack:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl { get; }

    public string Token { get; }

    /// <summary>Every <c>chat.postMessage</c> accepted (ok:true), in order.</summary>
    public IReadOnlyList<SlackPost> Posts => [.. _posts];

    /// <summary>The e-mail of every <c>users.lookupByEmail</c> call, found or not.</summary>
    public IReadOnlyList<string> Lookups => [.. _lookups];

    /// <summary>Bodies posted to a <c>response_url</c> of this fake.</summary>
    public IReadOnlyList<JsonElement> Responses => [.. _responses];

    /// <summary>A <c>response_url</c> served by this fake.</summary>
    public Uri ResponseUrl => new(ApiBaseUrl, "/actions/T111/1/fake");

    /// <summary>Posts accepted for one channel (a user id for a DM): that person's sink.</summary>
    public IReadOnlyList<SlackPost> PostsTo(string channel) => [.. _posts.Where(p => p.Channel == channel)];

    public void AddUser(string email, string userId)
    {
        _usersByEmail[email] = userId;
        _channels[userId] = true;
    }

    public void AddChannel(string channelId) => _channels[channelId] = true;

    /// <summary>Answer the next <paramref name="count"/> Web API calls with 429 and <c>Retry-After</c>.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds)
    {
        _retryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _throttleLeft, count);
    }

    public static async Task<FakeSlackApi> StartAsync(string token = "xoxb-fake-0000-token")
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var fake = new FakeSlackApi(app, new Uri($"http://127.0.0.1:{port}/api/"), token);
        app.MapGet("/api/users.lookupByEmail", (HttpRequest request) => fake.LookupAsync(request.HttpContext));
        app.MapPost("/api/chat.postMessage", (HttpRequest request) => fake.PostMessageAsync(request.HttpContext));
        app.MapPost("/actions/{*rest}", async (HttpRequest request) =>
        {
            fake._responses.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Text("ok");
        });
        await app.StartAsync();
        return fake;
    }

    private IResult? Refuse(HttpContext context)
    {
        if (Interlocked.Decrement(ref _throttleLeft) >= 0)
        {
            context.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: 429);
        }

        return context.Request.Headers.Authorization.ToString() == $"Bearer {Token}" ? null : Results.Json(new { ok = false, error = "invalid_auth" });
    }

    private Task<IResult> LookupAsync(HttpContext context)
    {
        if (Refuse(context) is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        string email = context.Request.Query["email"].ToString();
        _lookups.Enqueue(email);
        return Task.FromResult(_usersByEmail.TryGetValue(email, out var id)
            ? Results.Json(new { ok = true, user = new { id, team_id = "T111", name = email.Split('@')[0], deleted = false, profile = new { email } } })
            : Results.Json(new { ok = false, error = "users_not_found" }));
    }

    private async Task<IResult> PostMessageAsync(HttpContext context)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!string.Equals(context.Request.ContentType?.Split(';')[0], "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new { ok = false, error = "invalid_form_data" });
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var channel = body?["channel"]?.GetValue<string>();
        if (body is null || string.IsNullOrEmpty(channel))
        {
            return Results.Json(new { ok = false, error = "channel_not_found" });
        }

        if (!_channels.ContainsKey(channel))
        {
            return Results.Json(new { ok = false, error = "channel_not_found" });
        }

        if (body["text"] is null && body["blocks"] is null)
        {
            return Results.Json(new { ok = false, error = "no_text" });
        }

        var ts = string.Create(CultureInfo.InvariantCulture, $"1700000000.{Interlocked.Increment(ref _messageCounter):D6}");
        _posts.Enqueue(new SlackPost(channel, JsonSerializer.Deserialize<JsonElement>(body.ToJsonString()), DateTimeOffset.UtcNow));
        return Results.Json(new { ok = true, channel, ts, message = new { type = "message", subtype = "bot_message", text = body["text"]?.GetValue<string>(), ts } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
