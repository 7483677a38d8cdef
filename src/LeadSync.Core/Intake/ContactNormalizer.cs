using System.Net.Mail;
using PhoneNumbers;

namespace LeadSync.Core.Intake;

/// <summary>
/// Trims and canonicalizes lead fields; collects field errors instead of throwing. Every method is total (never
/// throws on any string) and idempotent: normalizing a normalized value returns it unchanged.
/// </summary>
public static class ContactNormalizer
{
    private const int MaxFieldLength = 256;
    private const int MaxEmailLength = 254;
    private const int MaxPhoneInput = 64;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly Lazy<Dictionary<string, string>> Countries = new(BuildCountryIndex);

    private static readonly HashSet<string> TrueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "yes", "y", "1", "on", "checked", "accepted", "agree", "agreed", "opt-in", "optin", "subscribed",
    };

    private static readonly HashSet<string> FalseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "false", "no", "n", "0", "off", "unchecked", "declined", "opt-out", "optout", "unsubscribed",
    };

    public static ContactDetails Normalize(ContactDetails raw, IDictionary<string, string[]> errors, string fieldPrefix = "")
    {
        var email = NormalizeEmail(raw.Email);
        if (raw.Email is not null && !string.IsNullOrWhiteSpace(raw.Email) && email is null)
        {
            errors[fieldPrefix + "email"] = ["Not a valid e-mail address."];
        }

        var country = NormalizeCountry(raw.Country);
        return new ContactDetails
        {
            Email = email,
            FirstName = Clean(raw.FirstName),
            LastName = Clean(raw.LastName),
            Company = Clean(raw.Company),
            Phone = NormalizePhone(raw.Phone, country),
            Title = Clean(raw.Title),
            Country = country,
        };
    }

    /// <summary>Normalizes every free-text field of a draft (contact, touch, BANT); the draft's errors go to <paramref name="errors"/>.</summary>
    public static LeadDraft Normalize(LeadDraft draft, IDictionary<string, string[]> errors, string fieldPrefix = "")
    {
        return draft with
        {
            Contact = Normalize(draft.Contact, errors, fieldPrefix),
            Campaign = Clean(draft.Campaign),
            EventType = Clean(draft.EventType),
            Touch = draft.Touch is null ? null : NormalizeTouch(draft.Touch),
            Bant = draft.Bant is null ? null : NormalizeBant(draft.Bant),
            Consent = draft.Consent is { IsEmpty: false } ? draft.Consent : null,
        };
    }

    public static MarketingTouch NormalizeTouch(MarketingTouch touch)
    {
        return touch with
        {
            SourceEvent = Clean(touch.SourceEvent),
            CampaignId = Clean(touch.CampaignId),
            CampaignName = Clean(touch.CampaignName),
            FormId = Clean(touch.FormId),
            FormName = Clean(touch.FormName),
            PageId = Clean(touch.PageId),
            PageUrl = Clean(touch.PageUrl),
            Variant = Clean(touch.Variant),
            AdGroupId = Clean(touch.AdGroupId),
            AdId = Clean(touch.AdId),
            UtmSource = Clean(touch.UtmSource),
            UtmMedium = Clean(touch.UtmMedium),
            UtmCampaign = Clean(touch.UtmCampaign),
            UtmTerm = Clean(touch.UtmTerm),
            UtmContent = Clean(touch.UtmContent),
        };
    }

    public static BantAnswers? NormalizeBant(BantAnswers bant)
    {
        var normalized = new BantAnswers
        {
            Budget = Clean(bant.Budget),
            Authority = Clean(bant.Authority),
            Need = Clean(bant.Need),
            Timeline = Clean(bant.Timeline),
        };
        return normalized.IsEmpty ? null : normalized;
    }

    /// <summary>Trimmed, lower-cased, syntactically valid e-mail address with a dotted domain; otherwise null.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = Clean(email);
        if (trimmed is null || trimmed.Length > MaxEmailLength || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var lower = trimmed.ToLowerInvariant();
        if (!MailAddress.TryCreate(lower, out var address) || address.Address != lower || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return lower;
    }

    /// <summary>
    /// E.164 when the number is valid for <paramref name="country"/> (or is already international); otherwise the
    /// digits with a leading <c>+</c> kept; null when fewer than six digits remain.
    /// </summary>
    public static string? NormalizePhone(string? phone, string? country = null)
    {
        var cleaned = Clean(phone);
        if (cleaned is null)
        {
            return null;
        }

        var region = NormalizeCountry(country);
        var e164 = TryE164(cleaned, region);
        if (e164 is not null)
        {
            return e164;
        }

        var digits = new string(cleaned.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 6)
        {
            return null;
        }

        var compact = cleaned.StartsWith('+') ? "+" + digits : digits;

        // Parse the compact form too, so normalizing this result again yields the same value.
        return TryE164(compact, region) ?? compact;
    }

    /// <summary>ISO 3166-1 alpha-2 (upper case) from a code (alpha-2 or alpha-3) or an English country name; otherwise null.</summary>
    public static string? NormalizeCountry(string? country)
    {
        var cleaned = Clean(country);
        if (cleaned is null)
        {
            return null;
        }

        return Countries.Value.TryGetValue(cleaned, out var code) ? code : null;
    }

    /// <summary>A name with whitespace collapsed; the empty name becomes null.</summary>
    public static string? NormalizeName(string? name) => Clean(name);

    /// <summary>Splits "First Last Names" at the first space: first token = first name, the rest = last name.</summary>
    public static (string? First, string? Last) SplitFullName(string? fullName)
    {
        var cleaned = Clean(fullName);
        if (cleaned is null)
        {
            return (null, null);
        }

        var space = cleaned.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (cleaned, null) : (cleaned[..space], cleaned[(space + 1)..]);
    }

    /// <summary>A consent / checkbox answer: true, false, or null when the text is not a recognizable yes or no.</summary>
    public static bool? ParseFlag(string? value)
    {
        var cleaned = Clean(value);
        if (cleaned is null)
        {
            return null;
        }

        if (TrueWords.Contains(cleaned))
        {
            return true;
        }

        return FalseWords.Contains(cleaned) ? false : null;
    }

    /// <summary>A whole-number score from text such as <c>42</c> or <c>42.6</c> (rounded); null when not a number.</summary>
    public static int? ParseScore(string? value)
    {
        var cleaned = Clean(value);
        if (cleaned is null || !decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var rounded = Math.Round(number, MidpointRounding.AwayFromZero);
        return rounded is >= int.MinValue and <= int.MaxValue ? (int)rounded : null;
    }

    /// <summary>
    /// Drops control characters and unpaired surrogates, collapses whitespace, trims and caps the length;
    /// the empty result becomes null.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var sb = new StringBuilder(Math.Min(value.Length, MaxFieldLength + 2));
        var pendingSpace = false;
        for (var i = 0; i < value.Length && sb.Length < MaxFieldLength; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    if (sb.Length + (pendingSpace ? 3 : 2) > MaxFieldLength)
                    {
                        break;
                    }

                    AppendPendingSpace(sb, ref pendingSpace);
                    sb.Append(c).Append(value[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsLowSurrogate(c) || (char.IsControl(c) && !char.IsWhiteSpace(c)) || IsInvisibleFormat(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (sb.Length + (pendingSpace ? 2 : 1) > MaxFieldLength)
            {
                break;
            }

            AppendPendingSpace(sb, ref pendingSpace);
            sb.Append(c);
        }

        var result = sb.ToString().TrimEnd();
        return result.Length == 0 ? null : result;
    }

    private static void AppendPendingSpace(StringBuilder sb, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            sb.Append(' ');
            pendingSpace = false;
        }
    }

    private static bool IsInvisibleFormat(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static string? TryE164(string candidate, string? region)
    {
        if (candidate.Length > MaxPhoneInput || (region is null && !candidate.StartsWith('+')))
        {
            return null;
        }

        try
        {
            var number = Phones.Parse(candidate, region ?? "ZZ");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> BuildCountryIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in Phones.GetSupportedRegions())
        {
            index.TryAdd(code, code);
        }

        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            var code = region.TwoLetterISORegionName.ToUpperInvariant();
            if (code.Length != 2 || !code.All(char.IsAsciiLetter))
            {
                continue;
            }

            index.TryAdd(code, code);
            index.TryAdd(region.ThreeLetterISORegionName, code);
            index.TryAdd(region.EnglishName, code);
        }

        foreach (var (alias, code) in new[] { ("USA", "US"), ("United States of America", "US"), ("UK", "GB"), ("Great Britain", "GB"), ("England", "GB") })
        {
            index.TryAdd(alias, code);
        }

        return index;
    }
}
