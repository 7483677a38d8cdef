namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary>The part of a member LeadSync reads back.</summary>
public sealed record MailchimpMember([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("status")] string? Status);
