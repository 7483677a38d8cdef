namespace LeadSync.Web.Admin;

/// <summary>
/// The body of a dry run: an optional candidate policy document (at most <see cref="AdminConfigEndpoints.MaxDocumentBytes"/>).
/// Blank means "the document in effect".
/// </summary>
public static class CandidateDocument
{
    /// <summary>The candidate's JSON (null when the body is blank), or the 413 problem to answer.</summary>
    public static async Task<(string? Json, IResult? TooLarge)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestReader.ReadBodyAsync(request, AdminConfigEndpoints.MaxDocumentBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problem.Of(ProblemTypes.PayloadTooLarge, $"Admin documents are at most {AdminConfigEndpoints.MaxDocumentBytes} bytes."));
        }

        var json = Encoding.UTF8.GetString(body);
        return (string.IsNullOrWhiteSpace(json) ? null : json, null);
    }
}
