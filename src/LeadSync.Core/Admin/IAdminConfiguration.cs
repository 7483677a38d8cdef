namespace LeadSync.Core.Admin;

/// <summary>
/// The admin-stored configuration in effect (read side). Documents set here take precedence over the matching
/// settings sections; a resource no admin has changed is absent and the settings apply.
/// </summary>
public interface IAdminConfiguration
{
    /// <summary>The current document of <paramref name="resource"/> (JSON, with secrets), or null.</summary>
    string? Current(string resource);
}
