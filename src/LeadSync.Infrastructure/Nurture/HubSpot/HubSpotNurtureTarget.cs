namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>
/// Recycles into HubSpot: sets <c>hs_lead_status</c> on the contact (found by e-mail, created when missing), then adds
/// the contact's record id to the configured static list. Both steps are idempotent.
/// </summary>
public sealed class HubSpotNurtureTarget(IHubSpotContactsApi contacts, IHubSpotListsApi lists, IOptionsMonitor<NurtureOptions> options) : NurtureTargetByEmail<HubSpotNurtureOptions>(options)
{
    public override string Name => "HubSpot list";

    protected override HubSpotNurtureOptions Select(NurtureOptions options) => options.HubSpot;

    protected override string DestinationOf(HubSpotNurtureOptions settings, string? target) => $"HubSpot list {target ?? settings.ListId}";

    protected override async Task<NurtureResult> PushAsync(
        Lead lead, string email, string reason, string? target, HubSpotNurtureOptions settings, string destination, CancellationToken cancellationToken)
    {
        var status = new Dictionary<string, string> { ["hs_lead_status"] = settings.LeadStatus };
        var updated = await contacts.UpdateByEmailAsync(email, new HubSpotContactInput(status), cancellationToken);
        if (updated.StatusCode == HttpStatusCode.NotFound)
        {
            var created = await contacts.CreateAsync(new HubSpotContactInput(new Dictionary<string, string>(status) { ["email"] = email }), cancellationToken);
            updated = created.StatusCode == HttpStatusCode.Conflict
                ? await contacts.UpdateByEmailAsync(email, new HubSpotContactInput(status), cancellationToken)
                : created;
        }

        if (NurtureResponseMapper.Failure(updated, destination, "contact") is { } contactFailure)
        {
            return contactFailure;
        }

        if (updated.Content?.Id is not { Length: > 0 } recordId)
        {
            return new NurtureResult(false, destination, "permanent: HubSpot returned no contact id");
        }

        // The reason's own list when one is set (RecycleOptions.Targets), else the configured one.
        var added = await lists.AddMembersAsync(target ?? settings.ListId!, [recordId], cancellationToken);
        return NurtureResponseMapper.Failure(added, destination, "list membership")
            ?? (added.Content?.Missing?.Contains(recordId) == true
                ? new NurtureResult(false, destination, "transient: the contact is not visible to the list yet")
                : new NurtureResult(true, destination));
    }

    /// <summary>GDPR delete of the contact by e-mail (HubSpot blocks an unknown address from coming back).</summary>
    public override async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        const string target = "nurture:hubspot";
        if (subject.Email is not { Length: > 0 } email)
        {
            return TargetErasure.NotFound(target);
        }

        using var response = await contacts.GdprDeleteAsync(new HubSpotGdprDeleteInput(email.Trim(), "email"), cancellationToken);
        return NurtureErasureMapper.From(target, response, "gdpr-delete");
    }
}
