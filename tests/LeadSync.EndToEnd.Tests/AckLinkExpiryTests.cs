using System.Net;
using System.Text.Json;
using LeadSync.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Acknowledge links sign lead, level, cycle and expiry: past its expiry a genuine link answers 410 problem+json before
/// anything is read (storage here is a closed port), a link whose cycle or expiry was edited is 403, and the lifetime
/// setting is validated at start.
/// </summary>
public sealed class AckLinkExpiryTests
{
    private const string AckSecret = "ack-secret-for-expiry-tests";
    private static readonly DateTimeOffset Sent = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Settings(string? lifetime = null)
    {
        var settings = new Dictionary<string, string?> { ["LeadSync:Notifications:AckSecret"] = AckSecret };
        if (lifetime is not null)
        {
            settings["LeadSync:Notifications:AckLinkLifetime"] = lifetime;
        }

        return settings;
    }

    private static string Link(string noticeId, int cycle, DateTimeOffset expires) =>
        $"api/escalations/{noticeId}/ack?{AckSignature.Query(noticeId, cycle, expires, AckSecret)}";

    [Fact]
    public async Task A_link_past_its_expiry_answers_410_problem_json_on_get_and_post()
    {
        var time = new FakeTimeProvider(Sent);
        await using var host = await InProcessHost.StartAsync(settings: Settings(), time: time);
        var lifetime = host.Services.GetRequiredService<IOptionsMonitor<NotificationOptions>>().CurrentValue.AckLinkLifetime;
        var link = Link("ld_2ke4b8gzwqtt5gbp5pd0g8s4.1", 0, Sent + lifetime);

        time.Advance(lifetime - TimeSpan.FromMinutes(1));
        using (var fresh = await host.Client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode); // the confirmation page: not expired yet
        }

        time.Advance(TimeSpan.FromMinutes(2));
        using var page = await host.Client.GetAsync(link);
        using var post = await host.Client.PostAsync(link, null);

        Assert.Equal(TimeSpan.FromDays(7), lifetime);
        foreach (var expired in new[] { page, post })
        {
            Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
            Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await expired.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("/problems/ack-link-expired", problem.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task A_link_whose_cycle_or_expiry_was_edited_is_403()
    {
        var time = new FakeTimeProvider(Sent);
        await using var host = await InProcessHost.StartAsync(settings: Settings(), time: time);
        var link = Link("ld_2ke4b8gzwqtt5gbp5pd0g8s4.1", 0, Sent.AddDays(7));
        var exp = Sent.AddDays(7).ToUnixTimeSeconds();

        foreach (var edited in new[]
        {
            link.Replace("&c=0&", "&c=1&", StringComparison.Ordinal),
            link.Replace($"exp={exp}", $"exp={exp + 86_400 * 30}", StringComparison.Ordinal),
            link[..link.IndexOf("&c=", StringComparison.Ordinal)],
        })
        {
            using var response = await host.Client.PostAsync(edited, null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("400.00:00:00")]
    public async Task An_ack_link_lifetime_out_of_range_stops_the_host_naming_the_setting(string lifetime)
    {
        var failure = await Record.ExceptionAsync(async () => await (await InProcessHost.StartAsync(settings: Settings(lifetime))).DisposeAsync());

        Assert.NotNull(failure);
        Assert.Contains("AckLinkLifetime", failure.ToString(), StringComparison.Ordinal);
    }
}
