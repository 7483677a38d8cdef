using System.Text;
using Azure.Data.Tables;

namespace LeadSync.Integration.Tests.Erasure;

/// <summary>Reads every entity of every table under a prefix and reports where any of the given strings still appears.</summary>
public static class PersonalDataScan
{
    public static async Task<List<string>> FindAsync(string connectionString, string prefix, params string[] needles)
    {
        var service = new TableServiceClient(connectionString);
        var hits = new List<string>();
        await foreach (var item in service.QueryAsync())
        {
            if (!item.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var table = service.GetTableClient(item.Name);
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                foreach (var (name, value) in entity)
                {
                    var text = value switch
                    {
                        string s => s,
                        byte[] b => Encoding.UTF8.GetString(b),
                        BinaryData d => d.ToString(),
                        _ => null,
                    };
                    foreach (var needle in needles)
                    {
                        if (text?.Contains(needle, StringComparison.OrdinalIgnoreCase) == true ||
                            entity.PartitionKey.Contains(needle, StringComparison.OrdinalIgnoreCase) || entity.RowKey.Contains(needle, StringComparison.OrdinalIgnoreCase))
                        {
                            hits.Add($"{item.Name[prefix.Length..]}/{entity.PartitionKey}/{entity.RowKey}.{name} contains '{needle}'");
                        }
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>Names of the tables under the prefix (without it).</summary>
    public static async Task<List<string>> TablesAsync(string connectionString, string prefix)
    {
        var service = new TableServiceClient(connectionString);
        var names = new List<string>();
        await foreach (var item in service.QueryAsync())
        {
            if (item.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                names.Add(item.Name[prefix.Length..]);
            }
        }

        return names;
    }
}
