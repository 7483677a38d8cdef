namespace LeadSync.Core.Admin;

/// <summary>
/// Lays an admin-stored document over a settings section: the options monitor re-reads the settings and then this
/// overlay whenever the admin document changes, so every consumer of <typeparamref name="TOptions"/> sees the admin
/// values, and the settings remain the fallback while no admin has changed the resource.
/// </summary>
public sealed class AdminOptionsOverlay<TOptions, TDocument>(
    AdminConfigurationSnapshot snapshot,
    string resource,
    Action<TDocument, TOptions> apply) : IPostConfigureOptions<TOptions>, IOptionsChangeTokenSource<TOptions>
    where TOptions : class
    where TDocument : class
{
    public string? Name => Options.DefaultName;

    public void PostConfigure(string? name, TOptions options)
    {
        if (snapshot.Current(resource) is { } json && JsonSerializer.Deserialize<TDocument>(json, AdminJson.Options) is { } document)
        {
            apply(document, options);
        }
    }

    public IChangeToken GetChangeToken() => snapshot.GetChangeToken();
}
