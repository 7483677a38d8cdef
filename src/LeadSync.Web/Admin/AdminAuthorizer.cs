namespace LeadSync.Web.Admin;

/// <summary>
/// Admin routes require an admin identity: an admin API key (portable host) or, in Azure, an Entra ID principal with
/// the admin app role (App Service Authentication). Webhook secrets are never accepted here.
/// </summary>
public sealed class AdminAuthorizer(IOptionsMonitor<AdminOptions> options)
{
    public const string KeyHeader = "X-LeadSync-Admin-Key";
    private const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    private const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>Null when the caller is an admin; otherwise the 401/403 problem to answer with.</summary>
    public IResult? Challenge(HttpRequest request) => Challenge(request, out _);

    /// <summary>
    /// As <see cref="Challenge(HttpRequest)"/>, also naming the admin for audit: <c>key:&lt;first 12 hex of the key
    /// hash&gt;</c> (the hash is in settings already, so this reveals nothing) or <c>entra:&lt;principal name&gt;</c>.
    /// </summary>
    public IResult? Challenge(HttpRequest request, out string actor)
    {
        actor = string.Empty;
        var settings = options.CurrentValue;
        var key = request.Headers[KeyHeader].ToString();
        if (key.Length > 0)
        {
            if (!IsKnownKey(key, settings.ApiKeys))
            {
                return Problem.Of(ProblemTypes.Unauthenticated, "The admin key is not valid (or has been revoked).");
            }

            actor = "key:" + AdminKeyHasher.Hash(key)[AdminKeyHasher.Prefix.Length..][..12];
            return null;
        }

        if (settings.TrustAppServiceAuthentication && request.Headers[PrincipalHeader].ToString() is { Length: > 0 } principal)
        {
            if (!HasRole(principal, settings.AdminRole))
            {
                return Problem.Of(ProblemTypes.Forbidden, $"The signed-in identity lacks the {settings.AdminRole} role.");
            }

            var name = request.Headers[PrincipalNameHeader].ToString();
            actor = "entra:" + (name.Length > 0 ? name : "principal");
            return null;
        }

        return Problem.Of(ProblemTypes.Unauthenticated, $"Admin routes need an admin identity ({KeyHeader} or Entra ID).");
    }

    private static bool IsKnownKey(string key, IEnumerable<string> hashes)
    {
        var given = Encoding.ASCII.GetBytes(AdminKeyHasher.Hash(key));
        var match = false;
        foreach (var hash in hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(hash.Trim().ToLowerInvariant()));
        }

        return match;
    }

    private static bool HasRole(string encodedPrincipal, string role)
    {
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(encodedPrincipal));
            if (!doc.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var roleType = doc.RootElement.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : "roles";
            return claims.EnumerateArray().Any(c =>
                c.TryGetProperty("typ", out var typ) && c.TryGetProperty("val", out var val) &&
                (typ.GetString() == roleType || typ.GetString() == "roles") && val.GetString() == role);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Claims of the wrong shape (not objects, non-string values): not an admin.
            return false;
        }
    }
}
