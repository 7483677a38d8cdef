using LeadSync.Core.Qualification;

namespace LeadSync.Core.Tests.Qualification;

public sealed class ValueParsersTests
{
    [Theory]
    [InlineData("$50,000", 50_000)]
    [InlineData("50k", 50_000)]
    [InlineData("50 K USD", 50_000)]
    [InlineData("1.5M EUR", 1_500_000)]
    [InlineData("10k-50k", 50_000)]
    [InlineData("$10,000 - $25,000", 25_000)]
    [InlineData("up to 2 million", 2_000_000)]
    [InlineData("75000", 75_000)]
    [InlineData("€ 120 000", 120_000)]
    [InlineData("CHF 1'200'000", 1_200_000)]
    public void Budget_answers_name_their_amount_and_a_range_its_upper_end(string answer, double expected) =>
        Assert.Equal((decimal)expected, BudgetAmount.Parse(answer));

    [Theory]
    [InlineData("tbd")]
    [InlineData("not sure yet")]
    [InlineData("")]
    [InlineData(null)]
    public void Budget_answers_without_an_amount_name_none(string? answer) => Assert.Null(BudgetAmount.Parse(answer));

    [Theory]
    [InlineData("immediately", 0)]
    [InlineData("ASAP", 0)]
    [InlineData("3 months", 3)]
    [InlineData("within 6 months", 6)]
    [InlineData("1-3 months", 3)]
    [InlineData("6 weeks", 1.4)]
    [InlineData("2 quarters", 6)]
    [InlineData("1 year", 12)]
    [InlineData("this quarter", 3)]
    [InlineData("next quarter", 6)]
    [InlineData("next year", 24)]
    [InlineData("90 days", 3)]
    public void Timeline_answers_name_how_many_months_away(string answer, double expected) =>
        Assert.Equal((decimal)expected, TimelineMonths.Parse(answer));

    [Theory]
    [InlineData("no timeline")]
    [InlineData("not sure")]
    [InlineData(null)]
    public void Timeline_answers_without_a_time_name_none(string? answer) => Assert.Null(TimelineMonths.Parse(answer));

    [Theory]
    [InlineData("ada@gmail.com", true)]
    [InlineData("ada@Outlook.com", true)]
    [InlineData("ada@web.de", true)]
    [InlineData("ada@acme.com", false)]
    [InlineData("ada@mail.gmail.com.evil.io", false)]
    [InlineData(null, false)]
    public void Free_mail_is_told_by_the_domain(string? email, bool expected) => Assert.Equal(expected, FreeMailDomains.IsFreeMail(email));
}
