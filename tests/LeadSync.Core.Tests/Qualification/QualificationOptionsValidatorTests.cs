using LeadSync.Core.Qualification;

namespace LeadSync.Core.Tests.Qualification;

public sealed class QualificationOptionsValidatorTests
{
    private static IEnumerable<string> Failures(QualificationOptions options) =>
        new QualificationOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void The_defaults_and_a_bant_definition_are_valid()
    {
        Assert.Empty(Failures(new QualificationOptions()));
        Assert.Empty(Failures(new QualificationOptions { MinimumScore = 60, Mode = QualificationMode.Any, RequiredFields = { "Budget", "authority", "need", "timeline" } }));
    }

    [Fact]
    public void Unknown_and_repeated_fields_are_named_by_their_setting()
    {
        var failures = Failures(new QualificationOptions { RequiredFields = { "budget", "shoeSize", "BUDGET" } }).ToList();

        Assert.Contains(failures, f => f.StartsWith("LeadSync:Qualification:RequiredFields:1 'shoeSize' is not a known field", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("LeadSync:Qualification:RequiredFields:2 'BUDGET' is listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_threshold_an_unknown_mode_and_an_empty_any_are_refused()
    {
        Assert.Contains(Failures(new QualificationOptions { MinimumScore = -1 }), f => f.StartsWith("LeadSync:Qualification:MinimumScore", StringComparison.Ordinal));
        Assert.Contains(Failures(new QualificationOptions { Mode = (QualificationMode)7 }), f => f.StartsWith("LeadSync:Qualification:Mode", StringComparison.Ordinal));
        Assert.Contains(Failures(new QualificationOptions { Mode = QualificationMode.Any, MinimumScore = 50 }), f => f.StartsWith("LeadSync:Qualification:Mode", StringComparison.Ordinal));
    }
}
