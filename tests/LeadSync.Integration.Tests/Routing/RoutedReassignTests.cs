using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Sla;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Routing;

/// <summary>A <c>reassign</c> rung of a routed lead picks through the same round-robin: another rep of its team, set on the CRM record.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoutedReassignTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Sla:Levels:0:After"] = "00:00:00",
            ["LeadSync:Sla:Levels:0:Recipient"] = "owner",
            ["LeadSync:Sla:Levels:1:After"] = "00:30:00",
            ["LeadSync:Sla:Levels:1:Recipient"] = "manager",
            ["LeadSync:Sla:Levels:1:Action"] = "reassign",
            ["LeadSync:Routing:Policies:0:Name"] = "inbound",
            ["LeadSync:Routing:Policies:0:Mode"] = "route",
            ["LeadSync:Routing:Policies:0:DefaultTeam"] = "inbound",
            ["LeadSync:People:Teams:inbound:Name"] = "Inbound",
            ["LeadSync:People:People:eli@acme.com:Name"] = "Eli Rep",
            ["LeadSync:People:People:eli@acme.com:CrmUserIds:sandbox"] = "u-eli",
            ["LeadSync:People:People:eli@acme.com:Teams:0"] = "inbound",
            ["LeadSync:People:People:fay@acme.com:Name"] = "Fay Rep",
            ["LeadSync:People:People:fay@acme.com:CrmUserIds:sandbox"] = "u-fay",
            ["LeadSync:People:People:fay@acme.com:Teams:0"] = "inbound",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_reassign_rung_hands_the_lead_to_the_other_rep_of_its_team()
    {
        var (id, routedTo, other) = await RoutedLeadAsync("buyer@beta.io");
        var leads = _services.Get<ILeadStore>();

        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        _services.Time.Advance(TimeSpan.FromMinutes(31));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        var lead = (await leads.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(other, lead.Owner);
        var reassigned = Assert.Single(await leads.GetTimelineAsync(id, CancellationToken.None), e => e.Event == LeadEvents.Reassigned);
        Assert.StartsWith($"Level 2: reassigned from {routedTo} to {other}. No territory fits; default team → team Inbound → owner ", reassigned.Detail, StringComparison.Ordinal);
        Assert.Contains($"is the current owner", reassigned.Detail, StringComparison.Ordinal);
        var touches = await _services.Get<SandboxCrmGateway>().GetTouchesAsync([lead], CancellationToken.None);
        Assert.Equal(other, touches.Single().Owner);
    }

    [Fact]
    public async Task A_recipients_reassign_button_picks_through_the_same_routing_as_the_rung()
    {
        var (id, routedTo, other) = await RoutedLeadAsync("buyer@gamma.io");
        var leads = _services.Get<ILeadStore>();
        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);

        var answer = await _services.Get<EscalationResponder>().RespondAsync($"{id}.1", 0, EscalationResponseActions.Reassign, "max (Slack U0MAX)", CancellationToken.None);

        Assert.Equal((EscalationResponseStatus.Done, $"Reassigned by max (Slack U0MAX) to {other}."), (answer.Status, answer.Detail));
        var lead = (await leads.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(other, lead.Owner);
        var reassigned = Assert.Single(await leads.GetTimelineAsync(id, CancellationToken.None), e => e.Event == LeadEvents.Reassigned);
        Assert.Equal("max (Slack U0MAX)", reassigned.Actor);
        Assert.StartsWith($"Level 1: reassigned by max (Slack U0MAX) from {routedTo} to {other}. No territory fits; default team → team Inbound → owner ", reassigned.Detail, StringComparison.Ordinal);
        var touches = await _services.Get<SandboxCrmGateway>().GetTouchesAsync([lead], CancellationToken.None);
        Assert.Equal(other, touches.Single().Owner);
    }

    /// <summary>A lead taken in and synced, routed to one of the team's two reps; <c>Other</c> is the rep it was not routed to.</summary>
    private async Task<(string Id, string? RoutedTo, string Other)> RoutedLeadAsync(string email)
    {
        var id = await Pipeline.IntakeAsync(_services, email);
        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var routedTo = (await _services.Get<ILeadStore>().GetAsync(id, CancellationToken.None))!.Owner;
        return (id, routedTo, routedTo == "u-eli" ? "u-fay" : "u-eli");
    }
}
