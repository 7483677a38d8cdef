using System.ComponentModel.DataAnnotations;
using LeadSync.Core.Crm;

namespace LeadSync.Core.Tests.Crm;

public sealed class CrmOptionsValidationTests
{
    [Fact]
    public void Default_batching_settings_are_valid()
    {
        Assert.Empty(Validate(new CrmOptions()));
    }

    [Fact]
    public void A_batch_linger_beyond_five_seconds_is_refused_naming_the_setting()
    {
        var errors = Validate(new CrmOptions { BatchLinger = TimeSpan.FromSeconds(6) });

        Assert.Contains(errors, e => e.Contains("LeadSync:Crm:BatchLinger", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Batches_in_flight_outside_one_to_sixty_four_are_refused_naming_the_setting(int value)
    {
        var errors = Validate(new CrmOptions { MaxBatchesInFlight = value });

        Assert.Contains(errors, e => e.Contains("LeadSync:Crm:MaxBatchesInFlight", StringComparison.Ordinal));
    }

    private static List<string> Validate(CrmOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
