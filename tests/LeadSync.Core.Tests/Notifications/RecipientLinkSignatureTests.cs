using LeadSync.Core.Notifications;

namespace LeadSync.Core.Tests.Notifications;

public sealed class RecipientLinkSignatureTests
{
    private const string Secret = "link-secret";
    private const long Exp = 1_900_000_000;

    [Fact]
    public void A_signature_verifies_for_exactly_its_notice_cycle_expiry_action_and_recipient()
    {
        var sig = RecipientLinkSignature.Sign("ld_a.1", 0, Exp, EscalationResponseActions.Snooze, "dana", Secret);

        Assert.True(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp, EscalationResponseActions.Snooze, "dana", sig, Secret));
        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp, EscalationResponseActions.Snooze, "mallory", sig, Secret));
        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp, EscalationResponseActions.Reassign, "dana", sig, Secret));
        Assert.False(RecipientLinkSignature.IsValid("ld_a.2", 0, Exp, EscalationResponseActions.Snooze, "dana", sig, Secret));
        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 1, Exp, EscalationResponseActions.Snooze, "dana", sig, Secret));
        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp + 1, EscalationResponseActions.Snooze, "dana", sig, Secret));
        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp, EscalationResponseActions.Snooze, "dana", sig, "other-secret"));
    }

    [Fact]
    public void An_unbound_ack_signature_is_not_a_bound_one()
    {
        var unbound = AckSignature.Sign("ld_a.1", 0, Exp, Secret);

        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp, EscalationResponseActions.Acknowledge, "dana", unbound, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-signature")]
    public void Missing_or_garbage_signatures_and_an_empty_recipient_never_verify(string? signature)
    {
        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp, EscalationResponseActions.Acknowledge, "dana", signature, Secret));
        var good = RecipientLinkSignature.Sign("ld_a.1", 0, Exp, EscalationResponseActions.Acknowledge, "x", Secret);
        Assert.False(RecipientLinkSignature.IsValid("ld_a.1", 0, Exp, EscalationResponseActions.Acknowledge, string.Empty, good, Secret));
    }

    [Fact]
    public void The_links_name_the_recipient_escaped_and_the_routes_of_each_action()
    {
        var links = ResponseLinks.Create(new Uri("https://leadsync.example/"), "ld_a.1", 3, DateTimeOffset.FromUnixTimeSeconds(Exp), "Dana & Co", Secret);

        Assert.Equal("/api/escalations/ld_a.1/ack", links.Acknowledge.AbsolutePath);
        Assert.Equal("/api/escalations/ld_a.1/actions/reassign", links.Reassign.AbsolutePath);
        Assert.Equal("/api/escalations/ld_a.1/actions/snooze", links.Snooze.AbsolutePath);
        Assert.EndsWith("&c=3&exp=1900000000&r=Dana%20%26%20Co", links.Snooze.Query, StringComparison.Ordinal);
        Assert.NotEqual(links.Reassign.Query, links.Snooze.Query);
    }

    [Fact]
    public void Links_are_bound_to_the_person_id_else_the_name_and_never_to_the_team()
    {
        Assert.Equal("p-42", ResponseLinks.RecipientOf(new EscalationDestination("owner", "dana", "slack") { PersonId = "p-42" }));
        Assert.Equal("dana", ResponseLinks.RecipientOf(new EscalationDestination("owner", "dana", "slack")));
        Assert.Null(ResponseLinks.RecipientOf(new EscalationDestination("team", "team", "slack")));
        Assert.Null(ResponseLinks.RecipientOf(null));
    }
}
