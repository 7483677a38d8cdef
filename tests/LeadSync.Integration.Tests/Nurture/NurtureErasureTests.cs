using System.Text.Json.Nodes;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Recycle;
using LeadSync.Infrastructure.Nurture;
using LeadSync.Infrastructure.Nurture.Mailchimp;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Integration.Tests.Nurture;

/// <summary>The nurture targets' deletions against real HTTP peers: Mailchimp delete-permanent, HubSpot GDPR delete, Marketo lead delete.</summary>
public sealed class NurtureErasureTests
{
    private static readonly ErasureIdentity Subject = new("ld_erase", "Ada@Example.com", null);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddNurtureProviders(configuration);
        return services.BuildServiceProvider();
    }

    private static ServiceProvider Mailchimp(HttpReceiver receiver) => Build(new()
    {
        ["LeadSync:Nurture:Provider"] = "mailchimp",
        ["LeadSync:Nurture:Mailchimp:ApiKey"] = "0123456789abcdef-us21",
        ["LeadSync:Nurture:Mailchimp:BaseUrl"] = receiver.Url.GetLeftPart(UriPartial.Authority),
        ["LeadSync:Nurture:Mailchimp:ListId"] = "aud1",
    });

    [Fact]
    public async Task Mailchimp_erasure_permanently_deletes_the_member_by_subscriber_hash()
    {
        await using var mailchimp = await HttpReceiver.StartAsync();
        mailchimp.AnswerNext(1, 204);
        await using var provider = Mailchimp(mailchimp);

        var result = await provider.GetRequiredService<INurtureTarget>().EraseAsync(Subject, CancellationToken.None);

        Assert.Equal(ErasureStatus.Erased, result.Status);
        var request = Assert.Single(mailchimp.Received);
        Assert.Equal(("POST", $"/3.0/lists/aud1/members/{MailchimpNurtureTarget.SubscriberHash("ada@example.com")}/actions/delete-permanent"), (request.Method, request.Path));
    }

    [Theory]
    [InlineData(404, ErasureStatus.NotFound)]
    [InlineData(503, ErasureStatus.Pending)]
    [InlineData(429, ErasureStatus.Pending)]
    [InlineData(400, ErasureStatus.Failed)]
    public async Task Mailchimp_answers_map_to_erasure_statuses(int status, ErasureStatus expected)
    {
        await using var mailchimp = await HttpReceiver.StartAsync();
        mailchimp.AnswerNext(10, status, """{"title":"x","status":0}""");
        await using var provider = Mailchimp(mailchimp);

        var result = await provider.GetRequiredService<INurtureTarget>().EraseAsync(Subject, CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task HubSpot_nurture_erasure_is_a_gdpr_delete_by_email()
    {
        await using var hubspot = await HttpReceiver.StartAsync();
        hubspot.AnswerNext(1, 204);
        await using var provider = Build(new()
        {
            ["LeadSync:Nurture:Provider"] = "hubspot",
            ["LeadSync:Nurture:HubSpot:AccessToken"] = "pat-test",
            ["LeadSync:Nurture:HubSpot:BaseUrl"] = hubspot.Url.GetLeftPart(UriPartial.Authority),
            ["LeadSync:Nurture:HubSpot:ListId"] = "12",
        });

        var result = await provider.GetRequiredService<INurtureTarget>().EraseAsync(Subject, CancellationToken.None);

        Assert.Equal(ErasureStatus.Erased, result.Status);
        var request = Assert.Single(hubspot.Received);
        Assert.Equal(("POST", "/crm/v3/objects/contacts/gdpr-delete"), (request.Method, request.Path));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("Ada@Example.com", (string?)body["objectId"]);
        Assert.Equal("email", (string?)body["idProperty"]);
    }

    [Fact]
    public async Task Marketo_erasure_looks_the_leads_up_by_email_and_deletes_them_by_id()
    {
        var leads = new Dictionary<long, string> { [318581] = "ada@example.com", [318582] = "bob@example.com" };
        var deleted = new List<long>();
        await using var marketo = await SimulatorHost.StartAsync(app =>
        {
            app.MapGet("/identity/oauth/token", () => Results.Json(new { access_token = "tok", expires_in = 3600 }));
            app.MapGet("/rest/v1/leads.json", (string filterType, string filterValues) => Results.Json(new
            {
                success = true,
                result = leads.Where(l => filterType == "email" && string.Equals(l.Value, filterValues, StringComparison.OrdinalIgnoreCase)).Select(l => new { id = l.Key }),
            }));
            app.MapPost("/rest/v1/leads/delete.json", async (HttpRequest request) =>
            {
                var body = await JsonNode.ParseAsync(request.Body);
                var ids = body!["input"]!.AsArray().Select(n => (long)n!["id"]!).ToList();
                lock (deleted)
                {
                    deleted.AddRange(ids);
                }

                return Results.Json(new { success = true, result = ids.Select(id => new { id, status = "deleted" }) });
            });
        });
        await using var provider = Build(new()
        {
            ["LeadSync:Nurture:Provider"] = "marketo",
            ["LeadSync:Nurture:Marketo:BaseUrl"] = marketo.BaseUri.GetLeftPart(UriPartial.Authority),
            ["LeadSync:Nurture:Marketo:ClientId"] = "id",
            ["LeadSync:Nurture:Marketo:ClientSecret"] = "secret",
            ["LeadSync:Nurture:Marketo:ListId"] = "42",
        });
        var target = provider.GetRequiredService<INurtureTarget>();

        var erased = await target.EraseAsync(Subject, CancellationToken.None);
        var unknown = await target.EraseAsync(Subject with { Email = "nobody@example.com" }, CancellationToken.None);

        Assert.Equal(ErasureStatus.Erased, erased.Status);
        Assert.Equal([318581L], deleted);
        Assert.Equal(ErasureStatus.NotFound, unknown.Status);
    }
}
