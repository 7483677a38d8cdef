namespace LeadSync.Core.Notifications;

/// <summary>Delivers an escalation message to a person or channel.</summary>
public interface INotifier
{
    Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken);
}
