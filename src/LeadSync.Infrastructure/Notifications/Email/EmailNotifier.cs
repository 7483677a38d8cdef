using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace LeadSync.Infrastructure.Notifications.Email;

/// <summary>Sends the escalation as a plain-text + HTML e-mail over SMTP with MailKit (one connection per message).</summary>
public sealed class EmailNotifier(IOptionsMonitor<SmtpOptions> options)
{
    public const string Destination = NotificationChannels.Email;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Host);

    public async Task<DeliveryResult> SendAsync(EscalationMessage message, string to, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var mail = EscalationEmail.Compose(message, MailboxAddress.Parse(settings.From), MailboxAddress.Parse(to));
        using var client = new SmtpClient { Timeout = 10_000 };
        try
        {
            var security = settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : settings.UseTls ? SecureSocketOptions.StartTls
                : SecureSocketOptions.None;
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("SMTP is not configured."), settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.To(Destination);
        }
        catch (SmtpCommandException ex)
        {
            return DeliveryResult.Failed(Destination, $"SMTP {(int)ex.StatusCode} {ex.ErrorCode}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or SocketException or IOException)
        {
            return DeliveryResult.Failed(Destination, ex.GetType().Name);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed(Destination, "timeout");
        }
    }
}
