using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using LeadSync.Web.Endpoints;
using LeadSync.Web.Portable;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The Functions app cannot be compiled here (its worker SDK is not in the registry copy), so these tests read its
/// source and prove it binds every shared route, job and queue — through the shared constants — with the documented
/// worker attributes, exactly as the portable host does.
/// </summary>
public sealed partial class FunctionsAppBindingTests
{
    private static readonly string FunctionsDir = Path.Combine(RepoPaths.Root, "src", "LeadSync.Functions");
    private static readonly string Source = string.Join('\n', Directory.GetFiles(FunctionsDir, "*.cs").Select(File.ReadAllText));

    public static TheoryData<string> RouteConstants() => new(typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(Routes.Prefix)).Select(f => f.Name));

    [Theory]
    [MemberData(nameof(RouteConstants))]
    public void Every_shared_route_has_an_http_trigger(string routeConstant) =>
        Assert.Matches(new Regex(@"\[HttpTrigger\(AuthorizationLevel\.\w+, ""(get|post)"", Route = Routes\." + routeConstant + @"\)\]\s+HttpRequest request"), Source);

    [Fact]
    public void Every_job_has_a_timer_trigger_bound_to_its_schedule_setting()
    {
        foreach (var (job, setting) in new[]
        {
            (nameof(JobNames.SlaSweep), nameof(JobNames.SlaSweepScheduleSetting)),
            (nameof(JobNames.Recycle), nameof(JobNames.RecycleScheduleSetting)),
            (nameof(JobNames.Redrive), nameof(JobNames.RedriveScheduleSetting)),
        })
        {
            Assert.Matches(new Regex(@"\[Function\(JobNames\." + job + @"\)\][\s\S]{0,120}\[TimerTrigger\(""%"" \+ JobNames\." + setting + @" \+ ""%""\)\] TimerInfo timer"), Source);
            Assert.Contains($"jobs.RunAsync(JobNames.{job}, cancellationToken)", Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_work_queue_has_a_queue_trigger()
    {
        var queues = typeof(QueueNames).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name).ToList();
        Assert.Equal(LeadSync.Web.Hosting.QueueWork.Queues.Count, queues.Count);
        foreach (var queue in queues)
        {
            Assert.Contains($"[QueueTrigger(QueueNames.{queue})] string message", Source, StringComparison.Ordinal);
            Assert.Contains($"work.RunFromTriggerAsync(QueueNames.{queue}, message, dequeueCount, cancellationToken)", Source, StringComparison.Ordinal);
        }
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
    public void Every_function_name_is_unique_and_valid()
    {
        var names = FunctionName().Matches(Source).Select(m => m.Groups[1].Value + m.Groups[2].Value).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(21 + 3 + 4, names.Count);
    }

    [Fact]
    public void Host_json_and_local_settings_are_linked_into_the_functions_build_output()
    {
        var project = File.ReadAllText(Path.Combine(FunctionsDir, "LeadSync.Functions.csproj"));

        Assert.Contains(@"Include=""..\..\host.json"" Link=""host.json""", project, StringComparison.Ordinal);
        Assert.Contains(@"Include=""..\..\local.settings.sample.json"" Link=""local.settings.json""", project, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "host.json")));
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

    [GeneratedRegex(@"\[Function\(""([a-z][a-z0-9-]*)""\)\]|\[Function\((JobNames\.\w+)\)\]")]
    private static partial Regex FunctionName();
}
