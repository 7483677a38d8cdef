namespace LeadSync.Core.Intake.LinkedIn;

/// <summary>Reads ids out of the URNs LinkedIn lead notifications carry.</summary>
public static partial class LinkedInUrns
{
    private const string ResponsePrefix = "urn:li:leadGenFormResponse:";

    /// <summary><c>urn:li:leadGenFormResponse:1a2b3c-4</c> → <c>1a2b3c-4</c> (null when it is not such a URN or not URL-safe).</summary>
    public static string? ResponseId(string? urn)
    {
        if (urn is null || !urn.StartsWith(ResponsePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = urn[ResponsePrefix.Length..];
        return SafeId().IsMatch(id) ? id : null;
    }

    /// <summary>
    /// The numeric form id of <c>urn:li:leadGenForm:1</c> or <c>urn:li:versionedLeadGenForm:(urn:li:leadGenForm:1,1)</c>.
    /// </summary>
    public static string? FormId(string? urn) => urn is not null && FormIdPattern().Match(urn) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"urn:li:leadGenForm:(\d{1,20})")]
    private static partial Regex FormIdPattern();
}
