namespace LeadSync.Core.Intake;

/// <summary>
/// The opening every marketing tool's source shares: its route name, its one media type, and "enabled once its secret
/// is configured". A source adds how it authenticates and how its payload maps to a lead.
/// </summary>
public abstract class WebhookSource(string name, string mediaType) : IWebhookSource
{
    public string Name => name;

    public bool IsEnabled => !string.IsNullOrEmpty(Secret);

    public IReadOnlyCollection<string> AcceptedMediaTypes { get; } = [mediaType];

    /// <summary>The configured secret (key, signing secret or app secret); none means the route answers 404.</summary>
    protected abstract string? Secret { get; }

    public abstract Rejection? Authenticate(InboundWebhook webhook);

    public abstract ParseResult Parse(InboundWebhook webhook);

    /// <summary>Answers the vendor's endpoint-validation GET; none by default (then GET answers 405).</summary>
    public virtual ChallengeAnswer? AnswerChallenge(InboundWebhook request) => null;
}
