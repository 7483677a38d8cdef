using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Qualification;

public sealed class QualificationPolicyTests
{
    private static readonly ContactDetails Ada = new() { Email = "a@example.com", Company = "Acme" };

    private static (LeadStatus Status, string Reason) Qualify(QualificationOptions options, ContactDetails contact, int? score = null, BantAnswers? bant = null) =>
        new QualificationPolicy(new FixedOptionsMonitor<QualificationOptions>(options))
            .Qualify(new LeadDraft { DeliveryKey = "d1", Contact = contact, Score = score, Bant = bant });

    [Fact]
    public void A_lead_missing_a_required_field_goes_to_nurture_and_says_which()
    {
        var options = new QualificationOptions { RequiredFields = { "company", "phone" } };

        var (status, reason) = Qualify(options, new ContactDetails { Email = "a@example.com", Company = "Acme" });

        Assert.Equal(LeadStatus.Nurture, status);
        Assert.Contains("phone", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_with_every_required_field_and_the_score_is_sales_ready()
    {
        var options = new QualificationOptions { MinimumScore = 50, RequiredFields = { "company", "score" } };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, new ContactDetails { Email = "a@example.com", Company = "Acme" }, 70).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, new ContactDetails { Email = "a@example.com", Company = "Acme" }, 20).Status);
    }

    [Fact]
    public void Required_bant_answers_decide_between_sales_and_nurture()
    {
        var options = new QualificationOptions { RequiredFields = { "budget", "authority" } };

        var (missing, reason) = Qualify(options, Ada, bant: new BantAnswers { Budget = "50k", Need = "sync" });
        Assert.Equal(LeadStatus.Nurture, missing);
        Assert.Contains("authority", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("budget", reason, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Ada, bant: new BantAnswers { Budget = "50k", Authority = "CFO" }).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Ada).Status);
    }

    [Fact]
    public void In_mode_all_the_answers_and_the_score_must_both_pass()
    {
        var options = new QualificationOptions { MinimumScore = 50, RequiredFields = { "need" } };
        var answered = new BantAnswers { Need = "sync" };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Ada, 60, answered).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Ada, 40, answered).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Ada, 60).Status);
    }

    [Fact]
    public void In_mode_any_either_the_answers_or_a_score_at_the_threshold_qualifies()
    {
        var options = new QualificationOptions { Mode = QualificationMode.Any, MinimumScore = 50, RequiredFields = { "budget", "timeline" } };
        var answered = new BantAnswers { Budget = "50k", Timeline = "Q1" };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Ada, 10, answered).Status);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Ada, 50).Status);
        var (status, reason) = Qualify(options, Ada, 49, new BantAnswers { Budget = "50k" });
        Assert.Equal(LeadStatus.Nurture, status);
        Assert.Contains("timeline", reason, StringComparison.Ordinal);
        Assert.Contains("below the threshold 50", reason, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Ada).Status);
    }
}
