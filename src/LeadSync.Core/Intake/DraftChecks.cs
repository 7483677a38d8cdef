namespace LeadSync.Core.Intake;

/// <summary>The last step every source shares: a lead needs a reachable channel unless it is still to be enriched.</summary>
public static class DraftChecks
{
    public static ParseResult Finish(LeadDraft draft, Dictionary<string, string[]> errors, string channelField = "email")
    {
        if (!draft.Contact.HasReachableChannel && !draft.NeedsEnrichment && errors.Count == 0)
        {
            errors[channelField] = ["An e-mail address or a phone number is required."];
        }

        return errors.Count > 0
            ? ParseResult.Fail(RejectionKind.Unprocessable, "The payload cannot become a lead.", errors)
            : ParseResult.Ok(draft);
    }

    public static ParseResult Malformed(string what) => ParseResult.Fail(RejectionKind.Malformed, $"The body is not valid {what}.");
}
