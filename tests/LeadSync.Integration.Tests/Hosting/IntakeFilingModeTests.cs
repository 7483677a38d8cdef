using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Integration.Tests.Hosting;

/// <summary>
/// <c>LeadSync:Intake:Filing = Auto</c> (the default): the Functions app — whose worker always has
/// <c>FUNCTIONS_WORKER_RUNTIME</c> — files through the lead-file queue, the portable host in process; an explicit
/// mode wins in either.
/// </summary>
public sealed class IntakeFilingModeTests
{
    [Theory]
    [InlineData(null, null, InboxFilingMode.InProcess)]
    [InlineData("dotnet-isolated", null, InboxFilingMode.Queue)]
    [InlineData("dotnet-isolated", "InProcess", InboxFilingMode.InProcess)]
    [InlineData(null, "Queue", InboxFilingMode.Queue)]
    [InlineData(null, "Auto", InboxFilingMode.InProcess)]
    public void The_filing_mode_is_resolved_from_the_host_and_the_setting(string? workerRuntime, string? setting, InboxFilingMode expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LeadSync:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            [IntakeFilingResolver.FunctionsWorkerRuntime] = workerRuntime,
            ["LeadSync:Intake:Filing"] = setting,
        });
        builder.Logging.ClearProviders();
        builder.AddLeadSync();
        using var host = builder.Build();

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<IntakeOptions>>().Value.Filing);
    }
}
