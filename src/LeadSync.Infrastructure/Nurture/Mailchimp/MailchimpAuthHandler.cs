namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary>HTTP Basic with any user name and the API key as password.</summary>
public sealed class MailchimpAuthHandler(IOptionsMonitor<NurtureOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("leadsync:" + options.CurrentValue.Mailchimp.ApiKey));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return base.SendAsync(request, cancellationToken);
    }
}
