using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadSync.Testing;
using LeadSync.Web.Problems;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// One table from outcomes to HTTP: every problem type has exactly one status and one title, the host answers each type
/// with that status and that title whatever the cause, and README's problem table lists the same types and statuses.
/// </summary>
public sealed partial class ProblemCatalogTests
{
    private const string AckSecret = "ack-secret-for-problem-tests";

    private static readonly string[] DeclaredTypes = [.. typeof(ProblemTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Every_problem_type_has_exactly_one_status_and_one_title()
    {
        Assert.Equal(DeclaredTypes.Order(StringComparer.Ordinal), ProblemCatalog.All.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.All(ProblemCatalog.All, row =>
        {
            Assert.Single(ProblemCatalog.All, other => other.Type == row.Type);
            Assert.StartsWith("/problems/", row.Type, StringComparison.Ordinal);
            Assert.InRange(row.Status, 400, 599);
            Assert.False(string.IsNullOrWhiteSpace(row.Title));
            Assert.Same(row, ProblemCatalog.Of(row.Type));
        });
    }

    [Fact]
    public void Every_core_rejection_kind_and_server_refusal_maps_to_a_catalogued_type()
    {
        foreach (var kind in Enum.GetValues<LeadSync.Core.Intake.RejectionKind>())
        {
            Assert.Contains(ProblemCatalog.TypeOf(kind), DeclaredTypes);
        }

        Assert.Equal([400, 414, 431], new[] { 400, 414, 431 }.Where(s => ProblemCatalog.ForServerRefusal(s)?.Status == s));
        Assert.Null(ProblemCatalog.ForServerRefusal(500));
    }

    [Fact]
    public async Task The_host_answers_each_type_with_its_one_title_and_status_whatever_the_cause()
    {
        await using var host = await InProcessHost.StartAsync(settings: new Dictionary<string, string?> { ["LeadSync:Notifications:AckSecret"] = AckSecret });
        var client = host.Client;

        // Causes that answer before storage (the in-memory host's storage is a closed port): three kinds of 401
        // (admin without credentials, admin with a wrong key, a webhook with a bad signature, an ack link without one),
        // 403 (an ack link with a wrong signature), 404 (unknown source, unknown route), 405, 413, 415.
        var answers = new List<HttpResponseMessage>
        {
            await client.GetAsync(new Uri("api/admin/dashboard", UriKind.Relative)),
            await Send(client, HttpMethod.Get, "api/admin/dashboard", request => request.Headers.Add("X-LeadSync-Admin-Key", "not-the-key")),
            await client.PostAsync(new Uri("api/webhooks/generic", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")),
            await client.GetAsync(new Uri("api/escalations/ld_2ke4b8gzwqtt5gbp5pd0g8s4.1/ack", UriKind.Relative)),
            await client.GetAsync(new Uri("api/escalations/ld_2ke4b8gzwqtt5gbp5pd0g8s4.1/ack?c=0&exp=1&sig=AAAA", UriKind.Relative)),
            await client.PostAsync(new Uri("api/webhooks/no-such-source", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")),
            await client.GetAsync(new Uri("api/no/such/route", UriKind.Relative)),
            await client.GetAsync(new Uri("api/webhooks/generic", UriKind.Relative)),
            await client.PostAsync(new Uri("api/crm-events/sandbox", UriKind.Relative), new StringContent(new string('x', 300_000), Encoding.UTF8, "application/json")),
            await client.PostAsync(new Uri("api/crm-events/sandbox", UriKind.Relative), new StringContent("x", Encoding.UTF8, "text/plain")),
        };

        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var response in answers)
        {
            using (response)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var type = problem.RootElement.GetProperty("type").GetString()!;
                var title = problem.RootElement.GetProperty("title").GetString()!;
                var row = ProblemCatalog.Of(type);
                Assert.Equal(row.Status, (int)response.StatusCode);
                Assert.Equal(row.Status, problem.RootElement.GetProperty("status").GetInt32());
                Assert.Equal(row.Title, title);
                (seen.TryGetValue(type, out var titles) ? titles : seen[type] = []).Add(title);
            }
        }

        Assert.All(seen, pair => Assert.Single(pair.Value));
        Assert.Contains(ProblemTypes.Unauthenticated, seen.Keys);
        Assert.Contains(ProblemTypes.Forbidden, seen.Keys);
    }

    [Fact]
    public void Readme_problem_table_lists_every_type_with_its_status_and_title()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var listed = TableRow().Matches(readme)
            .Select(m => new ProblemDefinition(m.Groups["type"].Value, int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["title"].Value))
            .ToList();

        Assert.Equal(ProblemCatalog.All.OrderBy(r => r.Type, StringComparer.Ordinal), listed.OrderBy(r => r.Type, StringComparer.Ordinal));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        configure(request);
        return await client.SendAsync(request);
    }

    [GeneratedRegex(@"^\| (?<status>\d{3}) \| `(?<type>/problems/[a-z-]+)` \| (?<title>[^|]+?) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
