using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Qualification;

public sealed class QualificationPolicyTests
{
    private static (LeadStatus Status, string Reason) Qualify(QualificationOptions options, ContactDetails contact, int? score = null) =>
        new QualificationPolicy(new FixedOptionsMonitor<QualificationOptions>(options))
            .Qualify(new LeadDraft { DeliveryKey = "d1", Contact = contact, Score = score });

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
}
