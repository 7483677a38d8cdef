namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>
/// Form definitions (questions only, no personal data) by form id, so a burst of leads from one form reads the form
/// once. Bounded by <see cref="LinkedInSourceOptions.FormCacheSize"/>; entries expire after
/// <see cref="LinkedInSourceOptions.FormCacheDuration"/> on the injected clock.
/// </summary>
public sealed class LinkedInFormCache(TimeProvider timeProvider, IOptionsMonitor<LinkedInSourceOptions> options)
{
    private readonly Dictionary<string, (LinkedInLeadForm Form, DateTimeOffset ExpiresAt)> _forms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _forms.Count;
            }
        }
    }

    public LinkedInLeadForm? Get(string formId)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_forms.TryGetValue(formId, out var entry))
            {
                if (entry.ExpiresAt > now)
                {
                    return entry.Form;
                }

                _forms.Remove(formId);
            }

            return null;
        }
    }

    public void Set(string formId, LinkedInLeadForm form)
    {
        var settings = options.CurrentValue;
        if (settings.FormCacheDuration <= TimeSpan.Zero)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_forms.ContainsKey(formId) && _forms.Count >= settings.FormCacheSize)
            {
                foreach (var expired in _forms.Where(f => f.Value.ExpiresAt <= now).Select(f => f.Key).ToList())
                {
                    _forms.Remove(expired);
                }

                while (_forms.Count >= settings.FormCacheSize)
                {
                    _forms.Remove(_forms.MinBy(f => f.Value.ExpiresAt).Key);
                }
            }

            _forms[formId] = (form, now + settings.FormCacheDuration);
        }
    }
}
