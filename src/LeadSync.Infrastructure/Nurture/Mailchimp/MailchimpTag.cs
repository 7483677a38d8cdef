namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary>One tag change: <c>active</c> adds it.</summary>
public sealed record MailchimpTag([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("status")] string Status);
