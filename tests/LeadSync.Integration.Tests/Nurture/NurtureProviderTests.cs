using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Infrastructure.Nurture;
using LeadSync.Infrastructure.Nurture.Mailchimp;
using LeadSync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Nurture;

/// <summary>Provider selection, start-time validation and the Mailchimp write-back against a real HTTP peer.</summary>
public sealed class NurtureProviderTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddNurtureProviders(configuration);
        return services.BuildServiceProvider();
    }

    private static Lead Lead() => new()
    {
        Id = LeadIdFactory.FromDelivery("generic", "msg_nurture"),
        Source = "generic",
        DeliveryKey = "msg_nurture",
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Contact = new ContactDetails { Email = "Ada@Example.com", FirstName = "Ada" },
        Status = LeadStatus.Recycled,
    };

    [Fact]
    public void A_selected_provider_without_its_settings_stops_the_host_with_the_setting_named()
    {
        using var provider = Build(new() { ["LeadSync:Nurture:Provider"] = "hubspot" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NurtureOptions>>().Value);

        Assert.Contains("LeadSync:Nurture:HubSpot:AccessToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("LeadSync:Nurture:HubSpot:ListId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_of_providers_not_selected_are_not_validated()
    {
        using var provider = Build(new() { ["LeadSync:Nurture:Provider"] = "marketo", ["LeadSync:Nurture:Marketo:BaseUrl"] = "https://123-ABC-456.mktorest.com",
            ["LeadSync:Nurture:Marketo:ClientId"] = "id", ["LeadSync:Nurture:Marketo:ClientSecret"] = "secret", ["LeadSync:Nurture:Marketo:ListId"] = "42" });

        Assert.Equal("marketo", provider.GetRequiredService<IOptions<NurtureOptions>>().Value.Provider);
        Assert.Equal("Marketo list", provider.GetRequiredService<INurtureTarget>().Name);
    }

    [Fact]
    public void An_unknown_provider_is_refused()
    {
        using var provider = Build(new() { ["LeadSync:Nurture:Provider"] = "pardot" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NurtureOptions>>().Value);
        Assert.Contains("'pardot' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subscriber_hash_is_the_md5_of_the_lower_cased_address() =>
        Assert.Equal("b58996c504c5638798eb6b511e6f49af", MailchimpNurtureTarget.SubscriberHash("User@Example.com"));

    [Fact]
    public async Task Mailchimp_write_back_puts_the_member_by_hash_and_tags_it_with_the_reason()
    {
        await using var mailchimp = await HttpReceiver.StartAsync();
        using var provider = Build(new()
        {
            ["LeadSync:Nurture:Provider"] = "mailchimp",
            ["LeadSync:Nurture:Mailchimp:ApiKey"] = "0123456789abcdef-us21",
            ["LeadSync:Nurture:Mailchimp:BaseUrl"] = mailchimp.Url.GetLeftPart(UriPartial.Authority),
            ["LeadSync:Nurture:Mailchimp:ListId"] = "aud1",
        });

        var result = await provider.GetRequiredService<INurtureTarget>().PushAsync(Lead(), RecycleReasons.NoProgress, null, CancellationToken.None);

        Assert.True(result.Accepted, result.Error);
        var hash = MailchimpNurtureTarget.SubscriberHash("ada@example.com");
        var requests = mailchimp.Received.ToList();
        Assert.Equal(("PUT", $"/3.0/lists/aud1/members/{hash}"), (requests[0].Method, requests[0].Path));
        Assert.Contains("\"status_if_new\":\"pending\"", requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(("POST", $"/3.0/lists/aud1/members/{hash}/tags"), (requests[1].Method, requests[1].Path));
        Assert.Contains("recycle-no-progress", requests[1].Body, StringComparison.Ordinal);
    }
}
