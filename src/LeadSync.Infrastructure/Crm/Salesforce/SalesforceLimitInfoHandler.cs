namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>Reads <c>Sforce-Limit-Info</c> from every response so the gateway can stop before the org runs dry.</summary>
internal sealed class SalesforceLimitInfoHandler(SalesforceApiUsage usage) : DelegatingHandler
{
    private const string Header = "Sforce-Limit-Info";
    private const string Prefix = "api-usage=";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues(Header, out var values))
        {
            foreach (var part in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)))
            {
                if (TryParse(part, out var used, out var max))
                {
                    usage.Record(used, max);
                }
            }
        }

        return response;
    }

    internal static bool TryParse(string part, out long used, out long max)
    {
        used = max = 0;
        if (!part.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var fraction = part.AsSpan(Prefix.Length);
        var slash = fraction.IndexOf('/');
        return slash > 0
            && long.TryParse(fraction[..slash], NumberStyles.Integer, CultureInfo.InvariantCulture, out used)
            && long.TryParse(fraction[(slash + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out max)
            && max > 0;
    }
}
