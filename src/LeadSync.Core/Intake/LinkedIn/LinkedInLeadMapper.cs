namespace LeadSync.Core.Intake.LinkedIn;

/// <summary>
/// Maps a Lead Sync form response to a lead draft: the per-form mapping (question id → lead field) first, then the
/// question's <c>predefinedField</c>, then the question name as a guess.
/// </summary>
public static class LinkedInLeadMapper
{
    private static readonly Dictionary<string, LeadField> Predefined = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EMAIL"] = LeadField.Email,
        ["WORK_EMAIL"] = LeadField.Email,
        ["FIRST_NAME"] = LeadField.FirstName,
        ["LAST_NAME"] = LeadField.LastName,
        ["COMPANY_NAME"] = LeadField.Company,
        ["JOB_TITLE"] = LeadField.Title,
        ["PHONE_NUMBER"] = LeadField.Phone,
        ["WORK_PHONE_NUMBER"] = LeadField.Phone,
        ["COUNTRY"] = LeadField.Country,
    };

    /// <summary>The lead field a predefined LinkedIn field fills, if any.</summary>
    public static LeadField? PredefinedField(string? predefinedField) =>
        predefinedField is not null && Predefined.TryGetValue(predefinedField, out var field) ? field : null;

    public static LeadDraft ToDraft(
        string deliveryKey,
        IEnumerable<LinkedInAnswer> answers,
        LinkedInFormOptions? form,
        MarketingTouch? touch,
        bool isTest,
        IDictionary<string, string[]> errors)
    {
        var mapping = LeadFieldBag.Mapping(form?.Fields);
        var list = answers.Where(a => !string.IsNullOrWhiteSpace(a.Answer)).ToList();
        var bag = new LeadFieldBag();
        foreach (var answer in list)
        {
            if (mapping.TryGetValue(answer.QuestionId, out var target) && LeadFieldNames.TryParse(target, out var field))
            {
                bag.Set(field, answer.Answer);
            }
        }

        foreach (var answer in list.Where(a => !mapping.ContainsKey(a.QuestionId)))
        {
            if (PredefinedField(answer.PredefinedField) is { } field)
            {
                bag.Set(field, answer.Answer);
            }
        }

        foreach (var answer in list.Where(a => !mapping.ContainsKey(a.QuestionId) && PredefinedField(a.PredefinedField) is null))
        {
            bag.SetByName(answer.Name, answer.Answer);
        }

        touch ??= new MarketingTouch();
        if (form?.Campaign is { Length: > 0 } campaign)
        {
            touch = touch with { CampaignName = touch.CampaignName ?? campaign };
        }

        return bag.ToDraft(deliveryKey, touch, errors, "formResponse.") with { IsTest = isTest };
    }
}
