namespace LeadSync.Web.Hosting;

/// <summary>
/// Where traces and metrics go. Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set
/// (Entra auth with the managed identity in <c>AZURE_CLIENT_ID</c>, as the template configures it, because local
/// auth is disabled there); OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise nowhere, and then none are collected.
/// </summary>
public static class TelemetryOptions
{
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";
}
