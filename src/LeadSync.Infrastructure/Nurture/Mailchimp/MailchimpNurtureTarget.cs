namespace LeadSync.Infrastructure.Nurture.Mailchimp;

/// <summary>
/// Recycles into a Mailchimp audience: add or update the member (PUT by subscriber hash, <c>status_if_new</c>), then
/// set the recycle tags. Both calls are idempotent.
/// </summary>
public sealed class MailchimpNurtureTarget(IMailchimpMembersApi api, IOptionsMonitor<NurtureOptions> options) : NurtureTargetByEmail<MailchimpNurtureOptions>(options)
{
    public override string Name => "Mailchimp audience";

    protected override MailchimpNurtureOptions Select(NurtureOptions options) => options.Mailchimp;

    /// <summary>One audience (erasure deletes from it); a reason's own target is a tag in it, Mailchimp's way to segment.</summary>
    protected override string DestinationOf(MailchimpNurtureOptions settings, string? target) =>
        target is null ? $"Mailchimp audience {settings.ListId}" : $"Mailchimp audience {settings.ListId} (tag {target})";

    protected override async Task<NurtureResult> PushAsync(
        Lead lead, string email, string reason, string? target, MailchimpNurtureOptions settings, string destination, CancellationToken cancellationToken)
    {
        var hash = SubscriberHash(email);
        var merge = new Dictionary<string, string>();
        if (lead.Contact.FirstName is { } first)
        {
            merge["FNAME"] = first;
        }

        if (lead.Contact.LastName is { } last)
        {
            merge["LNAME"] = last;
        }

        var member = await api.AddOrUpdateAsync(settings.ListId!, hash, new MailchimpMemberInput(email, settings.StatusIfNew, merge), cancellationToken);
        if (NurtureResponseMapper.Failure(member, destination, "member") is { } memberFailure)
        {
            return memberFailure;
        }

        var tags = settings.Tags.Append("recycle-" + reason).Concat(target is null ? [] : [target]).Distinct(StringComparer.Ordinal).Select(t => new MailchimpTag(t, "active")).ToList();
        var tagged = await api.SetTagsAsync(settings.ListId!, hash, new MailchimpTagsInput(tags), cancellationToken);
        return NurtureResponseMapper.Failure(tagged, destination, "tags") ?? new NurtureResult(true, destination);
    }

    /// <summary>Permanent delete of the audience member (Mailchimp's GDPR deletion; the address cannot be re-imported).</summary>
    public override async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        const string target = "nurture:mailchimp";
        if (subject.Email is not { Length: > 0 } email)
        {
            return TargetErasure.NotFound(target);
        }

        using var response = await api.DeletePermanentAsync(Current.ListId!, SubscriberHash(email), cancellationToken);
        return NurtureErasureMapper.From(target, response, "delete-permanent");
    }

    /// <summary>Mailchimp's member id: MD5 (hex, lower case) of the lower-cased address. Not a security use of MD5.</summary>
    public static string SubscriberHash(string email)
    {
#pragma warning disable CA5351 // MD5 is the vendor's addressing scheme, not a security control.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
    }
}
