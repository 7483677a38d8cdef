using System.Globalization;
using LeadSync.Testing;

namespace LeadSync.Reliability.Tests;

/// <summary>Points a host at storage the test owns (its own Azurite, directly or through relays it can cut).</summary>
public static class StorageSettings
{
    public static Dictionary<string, string> For(AzuriteProcess azurite)
    {
        return For(azurite.TablePort, azurite.QueuePort);
    }

    public static Dictionary<string, string> For(int tablePort, int queuePort) => new()
    {
        ["LeadSync__Storage__ConnectionString"] =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};" +
            string.Create(CultureInfo.InvariantCulture, $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;"),
    };
}
