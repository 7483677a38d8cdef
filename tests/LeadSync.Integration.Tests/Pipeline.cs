using LeadSync.Testing;
using System.Globalization;
using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Jobs;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Web.Hosting;

namespace LeadSync.Integration.Tests;

/// <summary>Drives the real use cases the way the hosts do: signed intake, then draining a work queue through QueueWork.</summary>
public static class Pipeline
{
    public static async Task<string> IntakeAsync(TestServices services, string email, string? deliveryId = null)
    {
        var result = await services.Get<WebhookIntake>().AcceptAsync(SignedGeneric(services, email, deliveryId), CancellationToken.None);
        Assert.True(result.IsAccepted, result.Rejection?.Detail);
        return result.Leads[0].LeadId;
    }

    /// <summary>A generic (Standard Webhooks) delivery for <paramref name="email"/>, signed now with <paramref name="secret"/>.</summary>
    public static InboundWebhook SignedGeneric(TestServices services, string email, string? deliveryId = null, string secret = TestServices.GenericSecret)
    {
        var id = deliveryId ?? "msg_" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes($$$"""{"type":"lead.created","data":{"email":"{{{email}}}","firstName":"Test"}}""");
        var ts = services.Time.GetUtcNow().ToUnixTimeSeconds();
        return new InboundWebhook
        {
            Source = "generic",
            Method = "POST",
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            ContentType = "application/json",
            Body = body,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["webhook-id"] = id,
                ["webhook-timestamp"] = ts.ToString(CultureInfo.InvariantCulture),
                ["webhook-signature"] = StandardWebhookVerifier.Sign(secret, id, ts, body),
            },
        };
    }

    /// <summary>
    /// Handles every message currently on the queue; returns the messages handled (a notifications message that carries
    /// several notices is listed as one entry per notice, <c>{leadId}|{level}</c>).
    /// </summary>
    public static async Task<List<string>> DrainAsync(TestServices services, string queueName)
    {
        var queue = await services.Get<StorageClients>().QueueAsync(queueName, CancellationToken.None);
        var handled = new List<string>();
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                return handled;
            }

            foreach (var message in messages)
            {
                var outcome = await services.Get<QueueWork>().HandleAsync(queueName, message.MessageText, CancellationToken.None);
                Assert.True(outcome.Completed, outcome.Detail);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                var body = LeadSync.Core.Telemetry.WorkMessage.Unwrap(message.MessageText).Body;
                handled.AddRange(queueName switch
                {
                    QueueNames.Notifications => body.Split(';'),
                    QueueNames.LeadSync => LeadSync.Core.Crm.LeadSyncMessage.LeadIds(body),
                    _ => [body],
                });
            }
        }
    }

    public static Task<JobReport?> RunJobAsync(TestServices services, string job) =>
        services.Get<JobRunner>().RunAsync(job, CancellationToken.None);
}
