using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Qualification;

/// <summary>Decides whether a new lead goes to sales or to marketing nurture.</summary>
public sealed class QualificationPolicy(IOptionsMonitor<QualificationOptions> options)
{
    public (LeadStatus Status, string Reason) Qualify(LeadDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var settings = options.CurrentValue;
        var minimum = settings.MinimumScore;
        var missing = settings.RequiredFields.Where(f => !HasField(draft, f)).ToList();
        if (missing.Count > 0)
        {
            return (LeadStatus.Nurture, $"missing {string.Join(", ", missing)} required to be sales-ready");
        }

        if (draft.Score is { } score && score < minimum)
        {
            return (LeadStatus.Nurture, $"score {score} is below the sales-ready threshold {minimum}");
        }

        return (LeadStatus.SalesReady, draft.Score is { } s ? $"score {s} meets the threshold {minimum}" : "no score: sales-ready by default");
    }

    private static bool HasField(LeadDraft draft, string field) => field.ToUpperInvariant() switch
    {
        "EMAIL" => !string.IsNullOrWhiteSpace(draft.Contact.Email),
        "PHONE" => !string.IsNullOrWhiteSpace(draft.Contact.Phone),
        "COMPANY" => !string.IsNullOrWhiteSpace(draft.Contact.Company),
        "TITLE" => !string.IsNullOrWhiteSpace(draft.Contact.Title),
        "COUNTRY" => !string.IsNullOrWhiteSpace(draft.Contact.Country),
        "FIRSTNAME" => !string.IsNullOrWhiteSpace(draft.Contact.FirstName),
        "LASTNAME" => !string.IsNullOrWhiteSpace(draft.Contact.LastName),
        "SCORE" => draft.Score is not null,
        _ => true,
    };
}
