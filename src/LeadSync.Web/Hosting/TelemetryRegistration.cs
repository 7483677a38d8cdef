using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LeadSync.Web.Hosting;

/// <summary>OpenTelemetry traces and metrics for both hosts: ASP.NET Core, outgoing HTTP (CRM, notifiers) and LeadSync's own.</summary>
public static class TelemetryRegistration
{
    public static IHostApplicationBuilder AddLeadSyncTelemetry(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var appInsights = config[TelemetryOptions.AppInsightsConnectionString];
        var otlp = config[TelemetryOptions.OtlpEndpoint];
        var identity = config[TelemetryOptions.ManagedIdentityClientId];
        if (string.IsNullOrWhiteSpace(appInsights) && string.IsNullOrWhiteSpace(otlp))
        {
            // Nowhere to send them: no tracer or meter provider, so no request, storage call or HTTP call builds an
            // activity or records a measurement that would be dropped (a few percent of the host's CPU per lead).
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(LeadSyncTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(LeadSyncTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    tracing.AddAzureMonitorTraceExporter(o => Configure(o, appInsights, identity));
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(LeadSyncTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    metrics.AddAzureMonitorMetricExporter(o => Configure(o, appInsights, identity));
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    private static void Configure(AzureMonitorExporterOptions options, string connectionString, string? identityClientId)
    {
        options.ConnectionString = connectionString;
        if (!string.IsNullOrWhiteSpace(identityClientId))
        {
            options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(identityClientId));
        }
    }
}
