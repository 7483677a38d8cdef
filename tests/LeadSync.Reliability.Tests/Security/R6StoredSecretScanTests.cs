using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using LeadSync.Reliability.Tests.Hostile;
using LeadSync.Testing;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// R6, stored secrets: a full intake and quarantine run through every source — each delivery also carrying
/// <c>Authorization</c>, <c>Cookie</c> and Marketo's secret header — then every table in the host's Azurite is read whole and no
/// configured secret appears anywhere (raw, URL- or JSON-encoded), nor in <c>GET /api/admin/quarantine</c>.
/// </summary>
public sealed class R6StoredSecretScanTests(ITestOutputHelper output)
{
    private const string BearerToken = "bearer-r6-stored-2f7c9e41";
    private const string CookieValue = "session=r6-cookie-8d1b03aa";

    [Fact]
    public async Task No_configured_secret_is_stored_in_any_table_after_intake_and_quarantine_through_every_source()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await PortableHostProcess.StartAsync(HostSettings.Merge(HostSettings.AllSources(), StorageSettings.For(azurite)));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var accepted = new List<string>();
        var quarantined = 0;

        foreach (var dialect in SourceDialects.All)
        {
            var id = Guid.NewGuid().ToString("N")[..12];
            var lead = new LeadSample("r6s" + id, $"r6.stored.{dialect.Name}.{id}@example.com", "Grace", "Hopper", "Navy", "+1 202 555 0142");
            var noContact = new LeadSample("r6q" + id, string.Empty, "Nobody", "Known", "Nowhere", null);
            foreach (var sample in new[] { lead, noContact })
            {
                var body = Body(dialect, sample);
                using var request = new HttpRequestMessage(HttpMethod.Post, host.Url($"api/webhooks/{dialect.Name}?utm_source=r6"))
                {
                    Content = new ByteArrayContent(body),
                };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", dialect.MediaType);
                dialect.Authenticate(request, body, dialect.Secret);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + BearerToken);
                request.Headers.TryAddWithoutValidation("Cookie", CookieValue);
                if (dialect.Name != "marketo")
                {
                    request.Headers.TryAddWithoutValidation("X-LeadSync-Secret", Secrets.Marketo);
                }

                using var response = await client.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity,
                    $"{dialect.Name}: {(int)response.StatusCode} {answer}");
                if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
                {
                    quarantined++;
                }
                else if (JsonDocument.Parse(answer).RootElement.TryGetProperty("leadId", out var leadId))
                {
                    accepted.Add(leadId.GetString()!);
                }
            }
        }

        // Filing happens off the request path: wait until every accepted lead is readable (then its row is written).
        var api = new HostApi(host, client);
        await api.WaitForLeadsAsync(accepted, _ => true, TimeSpan.FromSeconds(60));
        Assert.True(quarantined > 0, "No delivery was quarantined: the quarantine path was not exercised.");
        Assert.True(accepted.Count >= SourceDialects.All.Count, $"Only {accepted.Count} deliveries were accepted.");

        using var listing = new HttpRequestMessage(HttpMethod.Get, host.Url("api/admin/quarantine"));
        listing.Headers.Add("X-LeadSync-Admin-Key", host.AdminKey);
        using var quarantine = await client.SendAsync(listing);
        var quarantineText = await quarantine.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, quarantine.StatusCode);

        var secrets = Secrets.All.Append(BearerToken).Append(CookieValue).ToList();
        Assert.Empty(Found(secrets, quarantineText).Select(s => $"GET /api/admin/quarantine holds {s}"));
        var tables = new TableServiceClient(azurite.ConnectionString);
        var findings = new List<string>();
        var rows = 0;
        var quarantinedBodiesSeen = false;
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows++;
                var text = Text(entity);
                findings.AddRange(Found(secrets, text).Select(s => $"{table.Name}/{entity.PartitionKey}/{entity.RowKey} holds {s}"));
                quarantinedBodiesSeen |= text.Contains("Nobody", StringComparison.Ordinal);
            }
        }

        // The scan reads what is stored, binary chunks included: the quarantined bodies' text is found.
        Assert.True(quarantinedBodiesSeen, "The scan did not see the quarantined deliveries' bodies.");

        output.WriteLine($"R6 stored-secret scan: sources={SourceDialects.All.Count} accepted={accepted.Count} quarantined={quarantined} rows scanned={rows}");
        Assert.Empty(findings);
    }

    private static byte[] Body(SourceDialect dialect, LeadSample sample) => dialect.IsForm
        ? Encoding.UTF8.GetBytes(FormBodyMutator.Encode(dialect.Form!(sample)))
        : Encoding.UTF8.GetBytes(dialect.Json!(sample, dialect.Name == "google-ads" ? dialect.Secret : null).ToJsonString());

    /// <summary>Every property of the row as text (binary chunks decoded as UTF-8), in name order so chunks join up.</summary>
    private static string Text(TableEntity entity) => string.Join('\n', entity.Keys.Order(StringComparer.Ordinal).Select(k => entity[k] switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        BinaryData data => Encoding.UTF8.GetString(data.ToArray()),
        null => string.Empty,
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    }));

    /// <summary>The secrets that occur in <paramref name="text"/> in any of the forms a store or a serializer writes.</summary>
    private static IEnumerable<string> Found(IEnumerable<string> secrets, string text) => secrets.Where(secret => new[]
    {
        secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret), JsonEncodedText.Encode(secret).Value,
    }.Any(form => text.Contains(form, StringComparison.Ordinal)));
}
