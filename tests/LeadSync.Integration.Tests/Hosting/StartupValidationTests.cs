using LeadSync.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Hosting;

/// <summary>Bad settings stop the host at start with a message that names the setting.</summary>
public sealed class StartupValidationTests
{
    private static async Task<OptionsValidationException> StartWithAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LeadSync:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddLeadSync();
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Theory]
    [InlineData("LeadSync:Sla:SweepSchedule", "every minute", "LeadSync:Sla:SweepSchedule")]
    [InlineData("LeadSync:Recycle:Schedule", "0 0 * *", "LeadSync:Recycle:Schedule")]
    [InlineData("LeadSync:Crm:RedriveSchedule", "", "LeadSync:Crm:RedriveSchedule")]
    [InlineData("LeadSync:Retention:Schedule", "daily", "LeadSync:Retention:Schedule")]
    [InlineData("LeadSync:People:SyncSchedule", "hourly", "LeadSync:People:SyncSchedule")]
    [InlineData("LeadSync:People:People:dana@acme.com:Weight", "0", "LeadSync:People:People:dana@acme.com:Weight")]
    [InlineData("LeadSync:People:People:dana@acme.com:Calendar", "nowhere", "LeadSync:People:People:dana@acme.com:Calendar")]
    [InlineData("LeadSync:Routing:Policies:0:Mode", "magic", "LeadSync:Routing:Policies:0:Mode")]
    [InlineData("LeadSync:Routing:AccountCacheTtl", "00:00:01", "LeadSync:Routing:AccountCacheTtl")]
    [InlineData("LeadSync:Retention:RawPayloadAge", "00:10:00", "LeadSync:Retention:RawPayloadAge")]
    [InlineData("LeadSync:Retention:InboxAge", "00:00:30", "LeadSync:Retention:InboxAge")]
    [InlineData("LeadSync:Retention:BatchSize", "0", "LeadSync:Retention:BatchSize")]
    [InlineData("LeadSync:Sla:FirstTouch", "-00:05:00", "LeadSync:Sla:FirstTouch")]
    [InlineData("LeadSync:Crm:Provider", "pipedrive", "LeadSync:Crm:Provider")]
    [InlineData("LeadSync:Sla:Calendars:office:TimeZone", "Mars/Olympus_Mons", "Mars/Olympus_Mons")]
    [InlineData("LeadSync:Qualification:RequiredFields:0", "shoeSize", "LeadSync:Qualification:RequiredFields:0")]
    [InlineData("LeadSync:Storage:MaxConcurrentRequests", "-1", "LeadSync:Storage:MaxConcurrentRequests")]
    [InlineData("LeadSync:Storage:RecentLeadsMaxAge", "00:01:00", "LeadSync:Storage:RecentLeadsMaxAge")]
    [InlineData("LeadSync:Storage:LeadSyncLinger", "00:00:02", "LeadSync:Storage:LeadSyncLinger")]
    [InlineData("LeadSync:Storage:LeadSyncLinger", "-00:00:01", "LeadSync:Storage:LeadSyncLinger")]
    [InlineData("LeadSync:Storage:RecentLeadsMaxAge", "-00:00:01", "LeadSync:Storage:RecentLeadsMaxAge")]
    public async Task An_invalid_setting_stops_the_host_with_a_message_naming_it(string key, string value, string expectedInMessage)
    {
        var ex = await StartWithAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expectedInMessage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_storage_settings_stop_the_host()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.AddLeadSync();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("LeadSync:Storage:ConnectionString", ex.Message, StringComparison.Ordinal);
    }
}
