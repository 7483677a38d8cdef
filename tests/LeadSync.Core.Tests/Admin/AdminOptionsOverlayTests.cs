using LeadSync.Core.Admin;
using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Tests.Admin;

public sealed class AdminOptionsOverlayTests
{
    [Fact]
    public void Settings_apply_until_an_admin_document_arrives_which_then_takes_precedence_at_once()
    {
        var snapshot = new AdminConfigurationSnapshot();
        var services = new ServiceCollection();
        services.AddOptions<SlaOptions>().Configure(o => o.FirstTouch = TimeSpan.FromHours(1));
        var overlay = new AdminOptionsOverlay<SlaOptions, SlaPolicyDocument>(snapshot, AdminResources.SlaPolicies, (doc, o) => doc.ApplyTo(o));
        services.AddSingleton<IPostConfigureOptions<SlaOptions>>(overlay);
        services.AddSingleton<IOptionsChangeTokenSource<SlaOptions>>(overlay);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<SlaOptions>>();
        var policy = new CalendarSlaPolicy(monitor);
        var lead = new LeadBuilder().Build();

        Assert.Equal(lead.ReceivedAt.AddHours(1), policy.FirstTouchDeadline(lead));

        snapshot.Apply(AdminResources.SlaPolicies, 1, """{"firstTouch":"00:10:00"}""");

        Assert.Equal(TimeSpan.FromMinutes(10), monitor.CurrentValue.FirstTouch);
        Assert.Equal(lead.ReceivedAt.AddMinutes(10), policy.FirstTouchDeadline(lead));
    }

    [Fact]
    public void An_older_version_never_replaces_a_newer_one()
    {
        var snapshot = new AdminConfigurationSnapshot();

        Assert.True(snapshot.Apply(AdminResources.Recycle, 2, "{\"v\":2}"));
        Assert.False(snapshot.Apply(AdminResources.Recycle, 1, "{\"v\":1}"));
        Assert.Equal("{\"v\":2}", snapshot.Current(AdminResources.Recycle));
    }
}
