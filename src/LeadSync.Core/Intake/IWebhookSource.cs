namespace LeadSync.Core.Intake;

/// <summary>One marketing tool's webhook dialect: how it authenticates and how its payload maps to a lead.</summary>
public interface IWebhookSource
{
    /// <summary>The route segment, e.g. <c>generic</c> in <c>/api/webhooks/generic</c>.</summary>
    string Name { get; }

    /// <summary>False until the source is configured (then the route answers 404).</summary>
    bool IsEnabled { get; }

    /// <summary>Media types accepted (compared without parameters).</summary>
    IReadOnlyCollection<string> AcceptedMediaTypes { get; }

    /// <summary>Verifies the delivery's authenticity over the raw bytes; returns null when authentic.</summary>
    Rejection? Authenticate(InboundWebhook webhook);

    ParseResult Parse(InboundWebhook webhook);

    /// <summary>
    /// Answers the vendor's endpoint-validation GET, or null when this source has none (then GET answers 405).
    /// </summary>
    ChallengeAnswer? AnswerChallenge(InboundWebhook request) => null;
}
