namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary>Body of "add or update list member".</summary>
public sealed record MailchimpMemberInput(
    [property: JsonPropertyName("email_address")] string EmailAddress,
    [property: JsonPropertyName("status_if_new")] string StatusIfNew,
    [property: JsonPropertyName("merge_fields")] IReadOnlyDictionary<string, string> MergeFields);
