using System.Text;
using LeadSync.Core.Intake;

namespace LeadSync.Core.Tests.Intake;

/// <summary>Builds inbound deliveries for source tests.</summary>
public sealed class WebhookBuilder
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _query = new(StringComparer.Ordinal);
    private string _source;
    private string _method = "POST";
    private string _contentType = "application/json";
    private byte[] _body = [];
    private Uri? _uri;

    private WebhookBuilder(string source) => _source = source;

    public static WebhookBuilder For(string source) => new(source);

    public WebhookBuilder Body(byte[] body)
    {
        _body = body;
        return this;
    }

    public WebhookBuilder Body(string body) => Body(Encoding.UTF8.GetBytes(body));

    public WebhookBuilder Fixture(string name) => Body(VendorFixture.Bytes(name));

    public WebhookBuilder Form()
    {
        _contentType = "application/x-www-form-urlencoded";
        return this;
    }

    public WebhookBuilder Get()
    {
        _method = "GET";
        _body = [];
        return this;
    }

    public WebhookBuilder Header(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    public WebhookBuilder Query(string name, string value)
    {
        _query[name] = value;
        return this;
    }

    public WebhookBuilder Uri(string uri)
    {
        _uri = new Uri(uri);
        return this;
    }

    public byte[] BodyBytes => _body;

    public Uri RequestUri => _uri ?? new Uri(QueryString());

    public InboundWebhook Build() => new()
    {
        Source = _source,
        Method = _method,
        RequestUri = RequestUri,
        ContentType = _contentType,
        Body = _body,
        Headers = new Dictionary<string, string>(_headers, StringComparer.OrdinalIgnoreCase),
        Query = new Dictionary<string, string>(_query, StringComparer.Ordinal),
    };

    private string QueryString()
    {
        var query = string.Join('&', _query.Select(p => System.Uri.EscapeDataString(p.Key) + "=" + System.Uri.EscapeDataString(p.Value)));
        return $"https://leadsync.example.com/api/webhooks/{_source}" + (query.Length > 0 ? "?" + query : string.Empty);
    }
}
