using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Payloads;
using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Intake;

public sealed class ContactNormalizerProperties
{
    private static readonly string[] Countries = ["US", "GB", "DE", "FR", "IN", "BR", "AU", "JP", "Canada", "xx", ""];

    [Property(MaxTest = 500)]
    public bool Normalizing_any_contact_never_throws_and_is_idempotent(
        string? email, string? first, string? last, string? company, string? phone, string? title, string? country)
    {
        var raw = new ContactDetails { Email = email, FirstName = first, LastName = last, Company = company, Phone = phone, Title = title, Country = country };
        var once = ContactNormalizer.Normalize(raw, new Dictionary<string, string[]>());
        var twice = ContactNormalizer.Normalize(once, new Dictionary<string, string[]>());
        return once == twice;
    }

    [Property(MaxTest = 500)]
    public bool Cleaned_text_is_idempotent_and_bounded(string? value)
    {
        var once = ContactNormalizer.Clean(value);
        return ContactNormalizer.Clean(once) == once && (once is null || (once.Length <= 256 && once == once.Trim()));
    }

    [Property(MaxTest = 500)]
    public bool Normalized_email_is_idempotent(string? value)
    {
        var once = ContactNormalizer.NormalizeEmail(value);
        return ContactNormalizer.NormalizeEmail(once) == once && (once is null || once == once.ToLowerInvariant());
    }

    [Property(MaxTest = 1000)]
    public Property Phone_like_input_normalizes_idempotently()
    {
        var phoneChars = Gen.Elements("0123456789 +-().x".ToCharArray()).ArrayOf().Select(chars => new string(chars));
        var inputs = Gen.Zip(phoneChars, Gen.Elements(Countries));
        return Prop.ForAll(inputs.ToArbitrary(), input =>
        {
            var (phone, country) = input;
            var once = ContactNormalizer.NormalizePhone(phone, country);
            return ContactNormalizer.NormalizePhone(once, country) == once;
        });
    }

    [Property(MaxTest = 500)]
    public bool Country_normalization_is_idempotent(string? value)
    {
        var once = ContactNormalizer.NormalizeCountry(value);
        return ContactNormalizer.NormalizeCountry(once) == once && (once is null || once.Length == 2);
    }

    [Property(MaxTest = 500)]
    public bool Flags_and_scores_never_throw(string? value)
    {
        _ = ContactNormalizer.ParseFlag(value);
        _ = ContactNormalizer.ParseScore(value);
        return true;
    }

    [Property(MaxTest = 500)]
    public bool Touch_normalization_is_idempotent(string? a, string? b, string? c, string? d)
    {
        var touch = new MarketingTouch { CampaignName = a, FormId = b, PageUrl = c, UtmSource = d, Variant = a };
        var once = ContactNormalizer.NormalizeTouch(touch);
        return ContactNormalizer.NormalizeTouch(once) == once;
    }

    [Property(MaxTest = 500)]
    public bool Form_parsing_never_throws_on_arbitrary_bytes(byte[] body)
    {
        _ = FormPayload.TryParse(body ?? []);
        return true;
    }
}
