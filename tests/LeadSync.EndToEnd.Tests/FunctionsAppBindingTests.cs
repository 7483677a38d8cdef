using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Web.Endpoints;
using LeadSync.Web.Hosting;
using LeadSync.Portable;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The Functions app as built: the functions.metadata its worker SDK writes (what the Functions host indexes) serves
/// every shared route, job and queue exactly as the portable host does; the source is read only for what metadata
/// cannot show (each trigger is one call into shared code, and the program's builder).
/// </summary>
public sealed class FunctionsAppBindingTests
{
    private static readonly string FunctionsDir = FunctionsBuildOutput.ProjectDirectory;
    private static readonly string Source = string.Join('\n', Directory.GetFiles(FunctionsDir, "*.cs").Select(File.ReadAllText));

    public static TheoryData<string> RouteConstants() => new(typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(Routes.Prefix)).Select(f => f.Name));

    [Fact]
    public async Task Functions_app_serves_exactly_the_routes_and_methods_the_portable_host_maps()
    {
        await using var host = await InProcessHost.StartAsync();
        var portable = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(Routes.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')[(Routes.Prefix.Length + 1)..]}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var functions = HttpTriggers()
            .SelectMany(t => t["methods"]!.AsArray().Select(m => $"{m!.GetValue<string>().ToUpperInvariant()} {t["route"]!.GetValue<string>()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var routePrefix = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))!["extensions"]!["http"]!["routePrefix"]!.GetValue<string>();

        Assert.Equal(portable, functions);
        Assert.Equal(Routes.Prefix, routePrefix);
    }

    [Theory]
    [MemberData(nameof(RouteConstants))]
    public void Every_shared_route_has_an_http_trigger(string routeConstant)
    {
        var route = (string)typeof(Routes).GetField(routeConstant)!.GetRawConstantValue()!;

        Assert.Contains(HttpTriggers(), t => t["route"]!.GetValue<string>() == route);
    }

    [Fact]
    public void Every_http_trigger_is_anonymous_because_shared_code_checks_identity_and_signatures()
    {
        Assert.All(HttpTriggers(), t => Assert.Equal("Anonymous", t["authLevel"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_job_has_a_timer_trigger_on_its_schedule_setting()
    {
        var timers = FunctionsBuildOutput.Functions()
            .SelectMany(f => f["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "timerTrigger")
                .Select(b => $"{f["name"]} {b!["schedule"]}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                $"{JobNames.Recycle} %{JobNames.RecycleScheduleSetting}%",
                $"{JobNames.Redrive} %{JobNames.RedriveScheduleSetting}%",
                $"{JobNames.Retention} %{JobNames.RetentionScheduleSetting}%",
                $"{JobNames.PeopleSync} %{JobNames.PeopleSyncScheduleSetting}%",
                $"{JobNames.SlaSweep} %{JobNames.SlaSweepScheduleSetting}%",
            }.Order(StringComparer.Ordinal),
            timers);
        foreach (var job in new[] { nameof(JobNames.SlaSweep), nameof(JobNames.Recycle), nameof(JobNames.Redrive), nameof(JobNames.Retention), nameof(JobNames.PeopleSync) })
        {
            Assert.Contains($"jobs.RunAsync(JobNames.{job}, cancellationToken)", Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_work_queue_has_a_queue_trigger_on_the_hosts_storage_connection()
    {
        var triggers = FunctionsBuildOutput.Functions()
            .SelectMany(f => f["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "queueTrigger").Select(b => b!.AsObject()))
            .ToList();
        var constants = typeof(QueueNames).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();

        Assert.Equal(QueueWork.Queues.Order(StringComparer.Ordinal), constants.Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal));
        Assert.Equal(QueueWork.Queues.Order(StringComparer.Ordinal), triggers.Select(t => t["queueName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(triggers, t => Assert.False(t.ContainsKey("connection"), "no connection named: the host's AzureWebJobsStorage"));
        Assert.All(triggers, t => Assert.Equal("String", t["dataType"]!.GetValue<string>()));
        foreach (var queue in constants.Select(f => f.Name))
        {
            Assert.Contains($"work.RunFromTriggerAsync(QueueNames.{queue}, message, dequeueCount, cancellationToken)", Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_function_has_a_unique_name_and_exactly_one_trigger()
    {
        var functions = FunctionsBuildOutput.Functions();
        var names = functions.Select(f => f["name"]!.GetValue<string>()).ToList();

        // HTTP + timer + queue: 26 HTTP before #22/#23, then config diff, rollback, qualification and routing dry runs,
        // escalation-action-page, escalation-action, slack-interactivity; people-sync timer; lead-nurture queue;
        // admin-audit and admin-recycle-dry-run.
        Assert.Equal(33 + 5 + 6 + 2, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9-]*$", n));
        Assert.All(functions, f => Assert.Single(f["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal)));
        Assert.All(functions, f => Assert.Equal("LeadSync.Functions.dll", f["scriptFile"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_output_carries_the_queue_extension_the_host_loads()
    {
        var queues = Assert.Single(FunctionsBuildOutput.Extensions()["extensions"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "AzureStorageQueues")!;

        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.Storage.AzureStorageQueuesWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.Storage.Queues, Version=5.", queues["typeName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(FunctionsBuildOutput.OutputDirectory, queues["hintPath"]!.GetValue<string>())));
    }

    [Fact]
    public void The_program_uses_the_documented_worker_builder_and_the_shared_registration()
    {
        var program = File.ReadAllText(Path.Combine(FunctionsDir, "Program.cs"));

        Assert.Contains("FunctionsApplication.CreateBuilder(args)", program, StringComparison.Ordinal);
        Assert.Contains("builder.ConfigureFunctionsWebApplication()", program, StringComparison.Ordinal);
        Assert.Contains("builder.AddLeadSync()", program, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_json_and_local_settings_are_copied_into_the_functions_build_output()
    {
        var localSettings = Path.Combine(RepoPaths.Root, File.Exists(Path.Combine(RepoPaths.Root, "local.settings.json")) ? "local.settings.json" : "local.settings.sample.json");

        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")), FunctionsBuildOutput.Read("host.json"));
        Assert.Equal(File.ReadAllText(localSettings), FunctionsBuildOutput.Read("local.settings.json"));
    }

    [Fact]
    public void Host_json_queue_settings_match_the_portable_hosts_defaults()
    {
        var queues = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))!["extensions"]!["queues"]!;
        var portable = new PortableHostOptions();

        Assert.Equal(portable.BatchSize, queues["batchSize"]!.GetValue<int>());
        Assert.Equal(portable.MaxConcurrentMessages, queues["batchSize"]!.GetValue<int>() + queues["newBatchThreshold"]!.GetValue<int>());
        Assert.Equal(portable.MaxDequeueCount, queues["maxDequeueCount"]!.GetValue<int>());
        Assert.Equal(portable.MaxPollingInterval, TimeSpan.Parse(queues["maxPollingInterval"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Functions_host_holds_enough_sync_messages_to_fill_every_crm_batch_in_flight()
    {
        var queues = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))!["extensions"]!["queues"]!;
        var crm = new CrmOptions();
        const int LargestVendorBatch = 100; // HubSpot; Salesforce's 200 fills fewer calls at once

        Assert.True(queues["batchSize"]!.GetValue<int>() + queues["newBatchThreshold"]!.GetValue<int>() >= crm.MaxBatchesInFlight * LargestVendorBatch);
    }

    private static List<JsonObject> HttpTriggers() => FunctionsBuildOutput.Functions()
        .SelectMany(f => f["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "httpTrigger").Select(b => b!.AsObject()))
        .ToList();
}
