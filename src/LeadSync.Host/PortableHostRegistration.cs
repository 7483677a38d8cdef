using LeadSync.Portable.Jobs;
using LeadSync.Portable.Kestrel;
using LeadSync.Portable.Queues;
using LeadSync.Web.Admin;
using LeadSync.Web.Console;
using LeadSync.Web.Endpoints;
using LeadSync.Web.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Portable;

/// <summary>What the portable ASP.NET Core host adds on top of <c>AddLeadSync</c>: timers, queue consumers, routes.</summary>
public static class PortableHostRegistration
{
    public static IHostApplicationBuilder AddLeadSyncPortableHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortableHostOptions>().BindConfiguration(PortableHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<CronJobScheduler>();
        builder.Services.AddHostedService<QueueConsumer>();
        builder.Services.AddProblemDetails();

        // Requests Kestrel refuses while reading the request line or headers never reach middleware; their answer gets
        // its problem+json body at the connection instead.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new ServerRejectionTransport(connection.Transport);
            return next(connection);
        })));
        return builder;
    }

    /// <summary>Maps the same routes the Functions app serves, under <c>/api</c>, with problem+json for the unexpected.</summary>
    public static WebApplication MapLeadSync(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(context => Problem.Internal().ExecuteAsync(context)));
        app.UseStatusCodePages(context => context.HttpContext.Response.HasStarted
            ? Task.CompletedTask
            : Problem.Of(ProblemCatalog.ForBodilessStatus(context.HttpContext.Response.StatusCode), "No such route or method.")
                .ExecuteAsync(context.HttpContext));

        var api = app.MapGroup("/" + Routes.Prefix);
        api.MapPost(Routes.Webhook, (HttpRequest request, string source, WebhookEndpoints endpoints, CancellationToken ct) =>
            endpoints.ReceiveAsync(request, source, ct));
        api.MapGet(Routes.Webhook, (HttpRequest request, string source, WebhookEndpoints endpoints) =>
            endpoints.AnswerChallengeAsync(request, source));
        api.MapPost(Routes.CrmEvents, (HttpRequest request, string provider, CrmEventEndpoints endpoints, CancellationToken ct) =>
            endpoints.ReceiveAsync(request, provider, ct));
        api.MapPost(Routes.CrmChangesHubSpot, (HttpRequest request, CrmChangeEndpoints endpoints, CancellationToken ct) =>
            endpoints.HubSpotAsync(request, ct));
        api.MapPost(Routes.CrmChangesSalesforce, (HttpRequest request, string secret, CrmChangeEndpoints endpoints, CancellationToken ct) =>
            endpoints.SalesforceAsync(request, secret, ct));
        api.MapPost(Routes.CrmChangesDynamics, (HttpRequest request, CrmChangeEndpoints endpoints, CancellationToken ct) =>
            endpoints.DynamicsAsync(request, ct));
        api.MapGet(Routes.EscalationAck, (HttpRequest request, string id, EscalationAckEndpoints endpoints) =>
            endpoints.ShowAsync(request, id));
        api.MapPost(Routes.EscalationAck, (HttpRequest request, string id, EscalationAckEndpoints endpoints, CancellationToken ct) =>
            endpoints.AcknowledgeAsync(request, id, ct)).DisableAntiforgery();
        api.MapGet(Routes.EscalationAction, (HttpRequest request, string id, string action, EscalationActionEndpoints endpoints) =>
            endpoints.ShowAsync(request, id, action));
        api.MapPost(Routes.EscalationAction, (HttpRequest request, string id, string action, EscalationActionEndpoints endpoints, CancellationToken ct) =>
            endpoints.ActAsync(request, id, action, ct)).DisableAntiforgery();
        api.MapPost(Routes.SlackInteractivity, (HttpRequest request, SlackInteractivityEndpoints endpoints, CancellationToken ct) =>
            endpoints.ReceiveAsync(request, ct)).DisableAntiforgery();
        api.MapGet(Routes.Health, (HealthEndpoints endpoints, CancellationToken ct) => endpoints.GetAsync(ct));
        // The registered AdminGate, resolved per request: AddEndpointFilter<AdminGate>() would build a second instance
        // through ActivatorUtilities' compiled factory, which loads System.Linq.Expressions for this alone.
        MapAdmin(api.MapGroup(string.Empty).AddEndpointFilter((context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<AdminGate>().InvokeAsync(context, next)));
        api.MapGet(Routes.Console, (string? path) => ConsoleEndpoints.Get(path));
        api.MapGet(Routes.OpenApi, OpenApiEndpoints.Get);

        // The console's short address on the portable host (the Functions app serves it at /api/console/ only).
        app.MapGet("/admin", () => Results.Redirect("/" + Routes.Prefix + "/console/"));
        return app;
    }

    /// <summary>
    /// The admin routes, in one group behind <see cref="AdminGate"/>: a caller without the admin identity is refused
    /// before any handler runs (the Functions app's admin triggers call the same gate).
    /// </summary>
    private static void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapGet(Routes.Lead, (HttpRequest request, string id, LeadEndpoints endpoints, CancellationToken ct) =>
            endpoints.GetAsync(request, id, ct));
        admin.MapPost(Routes.AdminJobRun, (HttpRequest request, string job, JobEndpoints endpoints, CancellationToken ct) =>
            endpoints.RunAsync(request, job, ct));
        admin.MapGet(Routes.AdminQuarantine, (HttpRequest request, QuarantineEndpoints endpoints, CancellationToken ct) =>
            endpoints.ListAsync(request, ct));
        admin.MapPost(Routes.AdminQuarantineReplay, (HttpRequest request, string id, QuarantineEndpoints endpoints, CancellationToken ct) =>
            endpoints.ReplayAsync(request, id, ct));
        admin.MapGet(Routes.AdminDeadLetters, (HttpRequest request, DeadLetterEndpoints endpoints, CancellationToken ct) =>
            endpoints.ListAsync(request, ct));
        admin.MapPost(Routes.AdminDeadLetterReplay, (HttpRequest request, string id, DeadLetterEndpoints endpoints, CancellationToken ct) =>
            endpoints.ReplayAsync(request, id, ct));
        admin.MapPost(Routes.AdminDeadLetterBulkReplay, (HttpRequest request, DeadLetterEndpoints endpoints, CancellationToken ct) =>
            endpoints.BulkReplayAsync(request, ct));
        admin.MapGet(Routes.AdminFunnelReport, (HttpRequest request, ReportEndpoints endpoints, CancellationToken ct) =>
            endpoints.GetFunnelAsync(request, ct));
        admin.MapGet(Routes.AdminConfig, (HttpRequest request, string resource, AdminConfigEndpoints endpoints, CancellationToken ct) =>
            endpoints.GetAsync(request, resource, ct));
        admin.MapPut(Routes.AdminConfig, (HttpRequest request, string resource, AdminConfigEndpoints endpoints, CancellationToken ct) =>
            endpoints.PutAsync(request, resource, ct));
        admin.MapGet(Routes.AdminConfigHistory, (HttpRequest request, string resource, AdminConfigEndpoints endpoints, CancellationToken ct) =>
            endpoints.HistoryAsync(request, resource, ct));
        admin.MapGet(Routes.AdminConfigDiff, (HttpRequest request, string resource, AdminConfigEndpoints endpoints, CancellationToken ct) =>
            endpoints.DiffAsync(request, resource, ct));
        admin.MapPost(Routes.AdminConfigRollback, (HttpRequest request, string resource, AdminConfigEndpoints endpoints, CancellationToken ct) =>
            endpoints.RollbackAsync(request, resource, ct));
        admin.MapPost(Routes.AdminSlaDryRun, (HttpRequest request, SlaDryRunEndpoints endpoints, CancellationToken ct) =>
            endpoints.RunAsync(request, ct));
        admin.MapPost(Routes.AdminQualificationDryRun, (HttpRequest request, QualificationDryRunEndpoints endpoints, CancellationToken ct) =>
            endpoints.RunAsync(request, ct));
        admin.MapPost(Routes.AdminRecycleDryRun, (HttpRequest request, RecycleDryRunEndpoints endpoints, CancellationToken ct) =>
            endpoints.RunAsync(request, ct));
        admin.MapPost(Routes.AdminRoutingDryRun, (HttpRequest request, RoutingDryRunEndpoints endpoints, CancellationToken ct) =>
            endpoints.RunAsync(request, ct));
        admin.MapGet(Routes.AdminLeads, (HttpRequest request, LeadSearchEndpoints endpoints, CancellationToken ct) =>
            endpoints.SearchAsync(request, ct));
        admin.MapGet(Routes.AdminDashboard, (HttpRequest request, DashboardEndpoints endpoints, CancellationToken ct) =>
            endpoints.GetAsync(request, ct));
        admin.MapPost(Routes.AdminErasure, (HttpRequest request, ErasureEndpoints endpoints, CancellationToken ct) =>
            endpoints.EraseAsync(request, ct));
        admin.MapGet(Routes.AdminAudit, (HttpRequest request, AuditEndpoints endpoints, CancellationToken ct) =>
            endpoints.ListAsync(request, ct));
    }
}
