using LeadSync.Core.Intake;

namespace LeadSync.Testing;

/// <summary>Tests drive intake without the inbox in between: check the delivery as the request path does, then file it at once.</summary>
public static class IntakeTestExtensions
{
    public static async Task<IntakeResult> AcceptAsync(this WebhookIntake intake, InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var check = await intake.CheckAsync(webhook, cancellationToken);
        if (check.Rejection is { } rejection)
        {
            return IntakeResult.Rejected(rejection.Kind, rejection.Detail, rejection.Errors);
        }

        return check.LeadIds.Count == 0 ? IntakeResult.Accepted([]) : await intake.FileAsync(webhook, cancellationToken);
    }
}
