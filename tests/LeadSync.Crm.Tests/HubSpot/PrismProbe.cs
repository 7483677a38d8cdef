using System.Collections.Concurrent;

namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>
/// Outermost handler on the CRM client in contract tests: asks Prism for a status with <c>Prefer: code=…</c> and
/// records every request violation Prism reports in <c>sl-violations</c>.
/// </summary>
public sealed class PrismProbe : DelegatingHandler
{
    public string? PreferCode { get; set; }

    public ConcurrentQueue<string> RequestViolations { get; } = new();

    public ConcurrentQueue<int> Statuses { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (PreferCode is { } code)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"code={code}");
        }

        var response = await base.SendAsync(request, cancellationToken);
        Statuses.Enqueue((int)response.StatusCode);
        if (response.Headers.TryGetValues("sl-violations", out var values))
        {
            foreach (var v in values.Where(v => v.Contains("\"request\"", StringComparison.Ordinal)))
            {
                RequestViolations.Enqueue($"{request.Method} {request.RequestUri?.AbsolutePath}: {v}");
            }
        }

        return response;
    }
}
