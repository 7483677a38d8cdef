namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>
/// Recycles into Marketo: createOrUpdate the lead by e-mail, add it to the static list, and request the optional
/// campaign. Each step is idempotent. Marketo reports most failures as HTTP 200 with <c>success: false</c>.
/// </summary>
public sealed class MarketoNurtureTarget(IMarketoLeadsApi api, IOptionsMonitor<NurtureOptions> options) : NurtureTargetByEmail<MarketoNurtureOptions>(options)
{
    public override string Name => "Marketo list";

    protected override MarketoNurtureOptions Select(NurtureOptions options) => options.Marketo;

    protected override string DestinationOf(MarketoNurtureOptions settings, string? target) => $"Marketo list {target ?? settings.ListId}";

    protected override async Task<NurtureResult> PushAsync(
        Lead lead, string email, string reason, string? target, MarketoNurtureOptions settings, string destination, CancellationToken cancellationToken)
    {
        var person = new JsonObject { ["email"] = email };
        AddIfSet(person, "firstName", lead.Contact.FirstName);
        AddIfSet(person, "lastName", lead.Contact.LastName);
        AddIfSet(person, "company", lead.Contact.Company);
        var synced = await api.SyncAsync(new JsonObject { ["action"] = "createOrUpdate", ["lookupField"] = "email", ["input"] = new JsonArray(person) }, cancellationToken);
        if (Failure(synced, destination, "lead sync") is { } syncFailure)
        {
            return syncFailure;
        }

        if (synced.Content!.Result?.FirstOrDefault()?.Id is not { } marketoId)
        {
            return new NurtureResult(false, destination, "permanent: lead sync returned no lead id");
        }

        var ids = new JsonObject { ["input"] = new JsonArray(new JsonObject { ["id"] = marketoId }) };
        // The reason's own static list when one is set (RecycleOptions.Targets), else the configured one.
        var added = await api.AddToListAsync(target ?? settings.ListId!, ids, cancellationToken);
        if (Failure(added, destination, "list membership") is { } listFailure)
        {
            return listFailure;
        }

        if (settings.CampaignId is { Length: > 0 } campaignId)
        {
            var request = new JsonObject { ["input"] = new JsonObject { ["leads"] = new JsonArray(new JsonObject { ["id"] = marketoId }) } };
            if (Failure(await api.RequestCampaignAsync(campaignId, request, cancellationToken), destination, "campaign request") is { } campaignFailure)
            {
                return campaignFailure;
            }
        }

        return new NurtureResult(true, destination);
    }

    /// <summary>Finds the Marketo leads with the e-mail and deletes them (Marketo's lead deletion).</summary>
    public override async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        const string target = "nurture:marketo";
        if (subject.Email is not { Length: > 0 } email)
        {
            return TargetErasure.NotFound(target);
        }

        var found = await api.FindAsync("email", email.Trim(), "id", cancellationToken);
        if (Failure(found, target, "lead lookup") is { } lookupFailure)
        {
            return AsErasure(target, lookupFailure);
        }

        var ids = found.Content?.Result?.Select(r => r.Id).OfType<long>().ToList() ?? [];
        if (ids.Count == 0)
        {
            return TargetErasure.NotFound(target);
        }

        var request = new JsonObject { ["input"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id })]) };
        var deleted = await api.DeleteAsync(request, cancellationToken);
        return Failure(deleted, target, "lead delete") is { } deleteFailure ? AsErasure(target, deleteFailure) : TargetErasure.Erased(target);
    }

    private static TargetErasure AsErasure(string target, NurtureResult failure) =>
        TargetErasure.Failure(target, failure.Error?.Contains(": transient", StringComparison.Ordinal) == true || failure.Error?.Contains(": quota", StringComparison.Ordinal) == true, failure.Error ?? "Marketo call failed.");

    private static void AddIfSet(JsonObject target, string field, string? value)
    {
        if (value is not null)
        {
            target[field] = value;
        }
    }

    /// <summary>HTTP failures through the shared mapper; Marketo's in-body errors by code (601/602 token, 606/607 quota).</summary>
    private static NurtureResult? Failure(IApiResponse<MarketoResponse> response, string destination, string step)
    {
        if (NurtureResponseMapper.Failure(response, destination, step) is { } httpFailure)
        {
            return httpFailure;
        }

        var content = response.Content;
        if (content is null)
        {
            return new NurtureResult(false, destination, $"{step}: transient (empty body)");
        }

        var record = content.Result?.FirstOrDefault();
        if (content.Success && record?.Status != "skipped")
        {
            return null;
        }

        var code = content.Errors?.FirstOrDefault()?.Code ?? record?.Reasons?.FirstOrDefault()?.Code;
        if (content.Success && code == "1015")
        {
            return null; // Skipped because the lead is already in the list.
        }

        var kind = code switch
        {
            "601" or "602" or "604" or "608" or "611" or "615" => "transient",
            "606" or "607" => "quota",
            _ => "permanent",
        };
        return new NurtureResult(false, destination, $"{step}: {kind} (Marketo {code ?? "?"})");
    }
}
