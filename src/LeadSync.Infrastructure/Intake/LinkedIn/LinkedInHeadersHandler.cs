namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>Adds the member access token and the versioning headers every LinkedIn Marketing API call needs.</summary>
public sealed class LinkedInHeadersHandler(IOptionsMonitor<LinkedInSourceOptions> options) : DelegatingHandler
{
    public const string VersionHeader = "LinkedIn-Version";
    public const string ProtocolHeader = "X-Restli-Protocol-Version";
    public const string ProtocolVersion = "2.0.0";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.Remove(VersionHeader);
        request.Headers.TryAddWithoutValidation(VersionHeader, settings.ApiVersion);
        request.Headers.Remove(ProtocolHeader);
        request.Headers.TryAddWithoutValidation(ProtocolHeader, ProtocolVersion);
        return base.SendAsync(request, cancellationToken);
    }
}
