namespace LeadSync.Core.Qualification;

/// <summary>
/// Decides whether a new lead goes to sales or straight to marketing nurture, by the sales-ready definition in
/// effect (settings, or the admin-stored <c>qualification</c> document laid over them; read on every lead).
/// </summary>
public sealed class QualificationPolicy(IOptionsMonitor<QualificationOptions> options)
{
    public (LeadStatus Status, string Reason) Qualify(LeadDraft draft)
    {
        var settings = options.CurrentValue;
        var minimum = settings.MinimumScore;
        var missing = settings.RequiredFields.Where(f => !HasField(draft, f)).ToList();
        var failed = QualificationRules.Failures(settings, draft);
        var fieldsMet = missing.Count == 0 && failed.Count == 0;
        var missingText = string.Join("; ", (missing.Count == 0 ? [] : new[] { $"missing {string.Join(", ", missing)} required to be sales-ready" }).Concat(failed));
        if (settings.Mode == QualificationMode.Any)
        {
            // Either rule qualifies: the answers, or a score at or above the threshold (no score cannot meet it).
            if (draft.Score is { } anyScore && anyScore >= minimum)
            {
                return (LeadStatus.SalesReady, $"score {anyScore} meets the threshold {minimum}");
            }

            return fieldsMet
                ? (LeadStatus.SalesReady, settings.RequiredFields.Count > 0
                    ? $"every required field is present ({string.Join(", ", settings.RequiredFields)})"
                    : "every qualification rule is met")
                : (LeadStatus.Nurture, missingText + (draft.Score is { } low ? $" and score {low} is below the threshold {minimum}" : " and no score"));
        }

        if (!fieldsMet)
        {
            return (LeadStatus.Nurture, missingText);
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
        "BUDGET" => !string.IsNullOrWhiteSpace(draft.Bant?.Budget),
        "AUTHORITY" => !string.IsNullOrWhiteSpace(draft.Bant?.Authority),
        "NEED" => !string.IsNullOrWhiteSpace(draft.Bant?.Need),
        "TIMELINE" => !string.IsNullOrWhiteSpace(draft.Bant?.Timeline),

        // Unknown names are refused by QualificationOptionsValidator before they can get here.
        _ => true,
    };
}
