using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.Sla;
using Microsoft.Extensions.Options;
using Moq;

namespace LeadSync.Core.Tests.Sla;

public sealed class DegradedEscalationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ISlaPolicy Policy()
    {
        var options = new Mock<IOptionsMonitor<SlaOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new SlaOptions());
        return new RoundTheClockSlaPolicy(options.Object);
    }

    [Fact]
    public void An_escalation_raised_without_a_crm_check_says_so_on_the_timeline_and_the_notice()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).Build();
        var change = EscalationLadder.Escalate(Policy(), lead, Now)!;

        var marked = UncheckedEscalation.Mark(change, "hubspot 404: Not Found");

        Assert.Equal(1, marked.Lead.EscalationLevel);
        Assert.Contains("The CRM could not be checked (hubspot 404: Not Found)", Assert.Single(marked.Entries, e => e.Event == LeadEvents.Escalated).Detail, StringComparison.Ordinal);
        Assert.True(Assert.Single(marked.Notices).CrmUnchecked);
        Assert.False(Assert.Single(change.Notices).CrmUnchecked);
    }

    [Fact]
    public void The_message_headline_warns_that_sales_may_have_reached_the_lead()
    {
        var message = new EscalationMessage
        {
            NoticeId = "ld_1.1",
            LeadId = "ld_1",
            Level = 1,
            Recipient = "owner",
            LeadName = "Ada",
            Source = "generic",
            ReceivedAt = Now,
            DeadlineAt = Now,
            Late = TimeSpan.FromMinutes(5),
            LeadLink = new Uri("http://localhost/api/leads/ld_1"),
            CrmUnchecked = true,
        };

        Assert.EndsWith(EscalationMessage.CrmUncheckedNote, message.Headline, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be checked", (message with { CrmUnchecked = false }).Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reassign_level_leaves_an_owner_sales_changed_and_records_it()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).With(l => l with { Owner = "005A" }).Build();

        var skip = OwnerGuard.Skip(lead, 2, new CrmTouch(lead.Id, CrmLeadState.Untouched, Owner: "005B"), null, "salesforce", Now);

        var change = skip!(lead)!;
        Assert.Equal("005B", change.Lead.Owner);
        Assert.Equal(LeadEvents.ReassignSkipped, Assert.Single(change.Entries).Event);
    }

    [Fact]
    public void A_reassign_level_does_not_write_on_an_unread_crm_state_but_does_when_the_owner_is_unchanged()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).With(l => l with { Owner = "005A" }).Build();

        Assert.NotNull(OwnerGuard.Skip(lead, 2, null, "salesforce 503", "salesforce", Now));
        Assert.Null(OwnerGuard.Skip(lead, 2, new CrmTouch(lead.Id, CrmLeadState.Untouched, Owner: "005A"), null, "salesforce", Now));
        Assert.Null(OwnerGuard.Skip(lead, 2, new CrmTouch(lead.Id, CrmLeadState.Untouched), null, "salesforce", Now));
    }
}
