namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary>Mailchimp Marketing API 3.0 list members, addressed by the MD5 of the lower-cased e-mail (idempotent).</summary>
public interface IMailchimpMembersApi
{
    [Put("/3.0/lists/{listId}/members/{subscriberHash}")]
    Task<IApiResponse<MailchimpMember>> AddOrUpdateAsync(string listId, string subscriberHash, [Body] MailchimpMemberInput member, CancellationToken cancellationToken);

    /// <summary>Permanently deletes the member and its data from the audience (204); 404 when not a member.</summary>
    [Post("/3.0/lists/{listId}/members/{subscriberHash}/actions/delete-permanent")]
    Task<IApiResponse> DeletePermanentAsync(string listId, string subscriberHash, CancellationToken cancellationToken);

    [Post("/3.0/lists/{listId}/members/{subscriberHash}/tags")]
    Task<IApiResponse> SetTagsAsync(string listId, string subscriberHash, [Body] MailchimpTagsInput tags, CancellationToken cancellationToken);
}
