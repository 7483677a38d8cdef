namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary>Body of "add or remove member tags".</summary>
public sealed record MailchimpTagsInput([property: JsonPropertyName("tags")] IReadOnlyList<MailchimpTag> Tags);
