namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>The SOQL the Salesforce adapter sends: Leads by the LeadSync external id, Tasks and Events by the Lead they are about.</summary>
internal static class SalesforceSoql
{
    /// <summary><c>SELECT {select}, {externalIdField} FROM Lead WHERE {externalIdField} IN (…)</c>.</summary>
    public static string LeadsByExternalId(string select, string externalIdField, IEnumerable<string> leadIds) =>
        $"SELECT {select}, {externalIdField} FROM Lead WHERE {externalIdField} IN ({InList(leadIds)})";

    /// <summary>The Tasks logged against the given Lead record ids.</summary>
    public static string TasksByWhoId(IEnumerable<string> leadRecordIds) =>
        $"SELECT WhoId, Status, CreatedDate FROM Task WHERE WhoId IN ({InList(leadRecordIds)})";

    /// <summary>The Events (meetings, calls on the calendar) held with the given Lead record ids.</summary>
    public static string EventsByWhoId(IEnumerable<string> leadRecordIds) =>
        $"SELECT WhoId, StartDateTime FROM Event WHERE WhoId IN ({InList(leadRecordIds)})";

    private static string InList(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    /// <summary>A SOQL string literal: quotes and backslashes escaped, so an id can never end the literal.</summary>
    internal static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var ch in value)
        {
            if (ch is '\'' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.Append('\'').ToString();
    }
}
