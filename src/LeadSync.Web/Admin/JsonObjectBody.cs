namespace LeadSync.Web.Admin;

/// <summary>
/// An admin request's JSON object body, parsed in one place: 400 <c>/problems/malformed</c> when it is not JSON or not
/// an object, 400 with field errors when the reader reports any, otherwise what the reader built.
/// </summary>
internal static class JsonObjectBody
{
    public static (T? Value, IResult? Problem) Parse<T>(
        byte[] body, string notJson, string notObject, Func<JsonElement, Dictionary<string, string[]>, T> read)
        where T : class
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, Problem.Of(ProblemTypes.Malformed, notJson));
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problem.Of(ProblemTypes.Malformed, notObject));
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var value = read(doc.RootElement, errors);
            return errors.Count > 0 ? (null, Problem.Validation(errors)) : (value, null);
        }
    }
}
