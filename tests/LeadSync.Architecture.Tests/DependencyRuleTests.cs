using LeadSync.Core.Leads;
using LeadSync.Infrastructure.Storage;
using NetArchTest.Rules;

namespace LeadSync.Architecture.Tests;

/// <summary>
/// The dependency rule (README "How it works", "One core, two hosts"): Core holds the model and use cases and depends on no cloud, web or
/// HTTP-client library; Infrastructure adapts Core to Azure and the vendors and never reaches up into Web; the two hosts
/// (portable and Functions) are thin shells over Web and reach no layer below it — except the portable host's own queue
/// consumer and scheduler (<c>LeadSync.Portable</c>), which stand in for the Functions runtime.
/// </summary>
public sealed class DependencyRuleTests
{
    /// <summary>What Core may not depend on: the Azure SDKs, ASP.NET Core, Refit, the Functions worker, the outer layers.</summary>
    private static readonly string[] ForbiddenInCore =
    [
        "Azure", "Microsoft.Azure", "Microsoft.AspNetCore", "Refit", "Microsoft.Azure.Functions.Worker",
        "LeadSync.Infrastructure", "LeadSync.Web", "LeadSync.Functions",
    ];

    /// <summary>Infrastructure implements Core's ports; the HTTP handlers and the hosts sit above it.</summary>
    private static readonly string[] ForbiddenInInfrastructure = ["LeadSync.Web", "LeadSync.Functions"];

    /// <summary>A host binds triggers and routes to Web's shared code; Core, Infrastructure and the SDKs are Web's business.</summary>
    private static readonly string[] ForbiddenInHosts = ["LeadSync.Core", "LeadSync.Infrastructure", "Azure.", "Refit"];

    [Fact]
    public void Core_depends_on_no_Azure_SDK_AspNetCore_Refit_or_Functions_worker_type() =>
        AssertNone("LeadSync.Core", Types.InAssembly(typeof(Lead).Assembly), ForbiddenInCore);

    [Fact]
    public void Infrastructure_never_depends_on_Web() =>
        AssertNone("LeadSync.Infrastructure", Types.InAssembly(typeof(StorageClients).Assembly), ForbiddenInInfrastructure);

    /// <summary>
    /// The portable host's own runtime (namespace <c>LeadSync.Portable</c>: the queue consumer and the cron scheduler,
    /// the parts the Functions runtime plays for the Functions app) reads queues through Infrastructure's storage clients
    /// and schedules Web's job entry points; it never reaches a CRM, a notifier, a vendor client or table data itself.
    /// </summary>
    private static readonly string[] ForbiddenInPortableRuntime =
    [
        "Refit", "LeadSync.Infrastructure.Crm", "LeadSync.Infrastructure.Notifications", "LeadSync.Infrastructure.Nurture",
        "LeadSync.Infrastructure.Intake", "Azure.Data.Tables", "Microsoft.Azure.Functions",
    ];

    [Fact]
    public void Portable_host_entry_depends_on_nothing_but_Web_its_runtime_and_the_framework() =>
        AssertNone("LeadSync.Host (entry)", Types.FromFile(HostAssemblies.PortableHost).That().DoNotResideInNamespace("LeadSync.Portable"), ForbiddenInHosts);

    [Fact]
    public void Portable_host_runtime_reaches_storage_only_through_Infrastructure_and_no_crm_or_vendor() =>
        AssertNone("LeadSync.Host (LeadSync.Portable runtime)", Types.FromFile(HostAssemblies.PortableHost).That().ResideInNamespace("LeadSync.Portable"), ForbiddenInPortableRuntime);

    [Fact]
    public void Functions_app_depends_on_nothing_but_Web_the_framework_and_the_worker() =>
        AssertNone("LeadSync.Functions", Types.FromFile(HostAssemblies.FunctionsApp), ForbiddenInHosts);

    private static void AssertNone(string layer, Types types, string[] forbidden) =>
        AssertNone(layer, types.That().HaveNameMatching(".*"), forbidden);

    private static void AssertNone(string layer, PredicateList types, string[] forbidden)
    {
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful,
            $"{layer} breaks the dependency rule: these types depend on one of [{string.Join(", ", forbidden)}]: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
