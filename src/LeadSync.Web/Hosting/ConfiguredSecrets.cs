namespace LeadSync.Web.Hosting;

/// <summary>
/// Every credential LeadSync is configured with, for <see cref="WebhookRedactor"/>: each setting under
/// <c>LeadSync:</c> whose name says it is a secret (<c>Secret</c>, <c>Key</c>, <c>Token</c>, <c>Password</c>… —
/// read once at start), and each source's and the CRM's current value through its options monitor, so a key an admin
/// stored or rotated through the admin API is covered too.
/// </summary>
public sealed class ConfiguredSecrets : IConfiguredSecrets
{
    private static readonly string[] SecretNames =
        ["Secret", "ClientSecret", "AppSecret", "EventsSecret", "AckSecret", "Key", "ApiKey", "AccessToken", "VerifyToken", "Token", "Password"];

    private readonly string[] _settings;
    private readonly Func<string?>[] _current;
    private readonly IOptionsMonitor<MarketoSourceOptions> _marketo;

    public ConfiguredSecrets(IConfiguration configuration, IServiceProvider services)
    {
        _settings = [.. configuration.AsEnumerable()
            .Where(s => s.Key.StartsWith("LeadSync:", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(s.Value) &&
                        SecretNames.Contains(s.Key[(s.Key.LastIndexOf(':') + 1)..], StringComparer.OrdinalIgnoreCase))
            .Select(s => s.Value!)];
        _marketo = services.GetRequiredService<IOptionsMonitor<MarketoSourceOptions>>();
        _current =
        [
            Monitor<GenericSourceOptions>(services, o => o.Secret),
            Monitor<HubSpotSourceOptions>(services, o => o.ClientSecret),
            Monitor<HubSpotSourceOptions>(services, o => o.AccessToken),
            Monitor<TypeformSourceOptions>(services, o => o.Secret),
            Monitor<LinkedInSourceOptions>(services, o => o.ClientSecret),
            Monitor<LinkedInSourceOptions>(services, o => o.AccessToken),
            Monitor<GoogleAdsSourceOptions>(services, o => o.Key),
            Monitor<MailchimpSourceOptions>(services, o => o.Key),
            Monitor<UnbounceSourceOptions>(services, o => o.Key),
            () => _marketo.CurrentValue.Secret,
            Monitor<PardotSourceOptions>(services, o => o.Key),
            Monitor<MetaSourceOptions>(services, o => o.AppSecret),
            Monitor<MetaSourceOptions>(services, o => o.VerifyToken),
            Monitor<MetaSourceOptions>(services, o => o.AccessToken),
            Monitor<SalesforceOptions>(services, o => o.ClientSecret),
            Monitor<Infrastructure.Crm.HubSpot.HubSpotOptions>(services, o => o.AccessToken),
            Monitor<DynamicsOptions>(services, o => o.ClientSecret),
        ];
    }

    private Snapshot? _last;

    /// <summary>Read on every delivery (redaction): the list is built again only when a current value has changed.</summary>
    public IReadOnlyCollection<string> Values
    {
        get
        {
            var current = new string?[_current.Length];
            for (var i = 0; i < current.Length; i++)
            {
                current[i] = _current[i]();
            }

            var last = Volatile.Read(ref _last);
            if (last is not null && last.Current.AsSpan().SequenceEqual(current))
            {
                return last.Values;
            }

            IReadOnlyCollection<string> values = [.. _settings.Concat(current.OfType<string>()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
            Volatile.Write(ref _last, new Snapshot(current, values));
            return values;
        }
    }

    public IReadOnlyCollection<string> HeaderNames => [_marketo.CurrentValue.SecretHeader];

    private sealed record Snapshot(string?[] Current, IReadOnlyCollection<string> Values);

    private static Func<string?> Monitor<TOptions>(IServiceProvider services, Func<TOptions, string?> read)
        where TOptions : class
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<TOptions>>();
        return () => read(monitor.CurrentValue);
    }
}
