namespace LeadSync.Infrastructure.Notifications.Email;

/// <summary>E-mail over SMTP (<c>LeadSync:Notifications:Smtp</c>). Empty host: e-mail is off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "LeadSync:Notifications:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>LeadSync &lt;leadsync@example.com&gt;</c>.</summary>
    public string From { get; set; } = "leadsync@localhost";

    /// <summary>STARTTLS on submission ports; port 465 always uses implicit TLS.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    /// <summary>SMTP password (keep it in Key Vault).</summary>
    public string? Password { get; set; }
}
