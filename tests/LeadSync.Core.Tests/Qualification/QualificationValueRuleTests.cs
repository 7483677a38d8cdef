using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Qualification;

public sealed class QualificationValueRuleTests
{
    private static readonly ContactDetails Dana = new() { Email = "dana@acme.com", Company = "Acme", Title = "VP Sales", Country = "US" };

    private static (LeadStatus Status, string Reason) Qualify(QualificationOptions options, ContactDetails contact, BantAnswers? bant = null, int? score = null) =>
        new QualificationPolicy(new FixedOptionsMonitor<QualificationOptions>(options))
            .Qualify(new LeadDraft { DeliveryKey = "d1", Contact = contact, Score = score, Bant = bant });

    [Fact]
    public void Budget_must_reach_the_threshold()
    {
        var options = new QualificationOptions { MinimumBudget = 25_000 };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana, new BantAnswers { Budget = "$30k" }).Status);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana, new BantAnswers { Budget = "10k-50k" }).Status);
        var (low, reason) = Qualify(options, Dana, new BantAnswers { Budget = "$10,000" });
        Assert.Equal(LeadStatus.Nurture, low);
        Assert.Contains("budget 10,000 is below 25,000", reason, StringComparison.Ordinal);
        var (none, why) = Qualify(options, Dana, new BantAnswers { Budget = "tbd" });
        Assert.Equal(LeadStatus.Nurture, none);
        Assert.Contains("names no amount", why, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana).Status);
    }

    [Fact]
    public void Authority_is_a_listed_role_in_the_answer_or_the_title_as_a_whole_word()
    {
        var options = new QualificationOptions { AuthorityRoles = { "VP", "Director", "Head of" } };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana).Status);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana with { Title = "Analyst" }, new BantAnswers { Authority = "Head of IT" }).Status);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana with { Title = "Analyst" }, new BantAnswers { Authority = "Yes, I sign" }).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana with { Title = "Analyst" }, new BantAnswers { Authority = "I recommend" }).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana with { Title = "MVP developer" }).Status);
    }

    [Fact]
    public void Need_must_be_stated_and_not_a_no()
    {
        var options = new QualificationOptions { RequireNeed = true };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana, new BantAnswers { Need = "CRM sync for 40 reps" }).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana, new BantAnswers { Need = "n/a" }).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana, new BantAnswers { Need = "Not sure" }).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana).Status);
    }

    [Fact]
    public void Timeline_must_be_within_the_months()
    {
        var options = new QualificationOptions { MaximumTimelineMonths = 6 };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana, new BantAnswers { Timeline = "this quarter" }).Status);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana, new BantAnswers { Timeline = "3-6 months" }).Status);
        var (late, reason) = Qualify(options, Dana, new BantAnswers { Timeline = "next year" });
        Assert.Equal(LeadStatus.Nurture, late);
        Assert.Contains("timeline 24 months is beyond 6", reason, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana, new BantAnswers { Timeline = "no idea" }).Status);
    }

    [Fact]
    public void Country_list_and_free_mail_are_field_rules()
    {
        var options = new QualificationOptions { Countries = { "US", "ca" }, ExcludeFreeMail = true };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana).Status);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana with { Country = "CA" }).Status);
        var (elsewhere, reason) = Qualify(options, Dana with { Country = "FR" });
        Assert.Equal(LeadStatus.Nurture, elsewhere);
        Assert.Contains("country 'FR' is not one of US, ca", reason, StringComparison.Ordinal);
        var (gmail, why) = Qualify(options, Dana with { Email = "dana@gmail.com" });
        Assert.Equal(LeadStatus.Nurture, gmail);
        Assert.Contains("consumer provider", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failed_rule_is_named_in_the_reason()
    {
        var options = new QualificationOptions { MinimumBudget = 50_000, RequireNeed = true, RequiredFields = { "phone" } };

        var (status, reason) = Qualify(options, Dana, new BantAnswers { Budget = "5k" });

        Assert.Equal(LeadStatus.Nurture, status);
        Assert.Contains("phone", reason, StringComparison.Ordinal);
        Assert.Contains("budget 5,000", reason, StringComparison.Ordinal);
        Assert.Contains("need", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void In_mode_any_a_score_at_the_threshold_qualifies_despite_failed_value_rules()
    {
        var options = new QualificationOptions { Mode = QualificationMode.Any, MinimumScore = 80, MinimumBudget = 50_000 };

        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana, new BantAnswers { Budget = "5k" }, score: 90).Status);
        Assert.Equal(LeadStatus.Nurture, Qualify(options, Dana, new BantAnswers { Budget = "5k" }, score: 10).Status);
        Assert.Equal(LeadStatus.SalesReady, Qualify(options, Dana, new BantAnswers { Budget = "60k" }, score: 10).Status);
    }

    [Fact]
    public void The_validator_refuses_values_that_cannot_apply()
    {
        var options = new QualificationOptions { MinimumBudget = -1, MaximumTimelineMonths = 500, Countries = { "US", "us", " " } };

        var failures = new QualificationOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("MinimumBudget", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("MaximumTimelineMonths", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Countries:1 'us' is listed twice", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Countries:2", StringComparison.Ordinal));
    }
}
