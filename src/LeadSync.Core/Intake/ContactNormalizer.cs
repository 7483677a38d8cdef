using System.Net.Mail;
using LeadSync.Core.Leads;

namespace LeadSync.Core.Intake;

/// <summary>Trims and canonicalizes contact fields; collects field errors instead of throwing.</summary>
public static class ContactNormalizer
{
    private const int MaxFieldLength = 256;

    public static ContactDetails Normalize(ContactDetails raw, IDictionary<string, string[]> errors, string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(errors);
        var email = NormalizeEmail(raw.Email);
        if (raw.Email is not null && !string.IsNullOrWhiteSpace(raw.Email) && email is null)
        {
            errors[fieldPrefix + "email"] = ["Not a valid e-mail address."];
        }

        return new ContactDetails
        {
            Email = email,
            FirstName = Clean(raw.FirstName),
            LastName = Clean(raw.LastName),
            Company = Clean(raw.Company),
            Phone = NormalizePhone(raw.Phone),
            Title = Clean(raw.Title),
            Country = Clean(raw.Country)?.ToUpperInvariant(),
        };
    }

    public static string? NormalizeEmail(string? email)
    {
        var trimmed = Clean(email);
        if (trimmed is null || trimmed.Length > 254 || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    private static string? NormalizePhone(string? phone)
    {
        var cleaned = Clean(phone);
        if (cleaned is null)
        {
            return null;
        }

        var digits = new string(cleaned.Where(c => char.IsAsciiDigit(c)).ToArray());
        if (digits.Length < 6)
        {
            return null;
        }

        return cleaned.StartsWith('+') ? "+" + digits : digits;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length > MaxFieldLength ? trimmed[..MaxFieldLength] : trimmed;
    }
}
