namespace LeadSync.Infrastructure.Nurture;

/// <summary>Nurture deletion responses as <see cref="TargetErasure"/>s: 404 = nothing to delete; transient and quota failures retried.</summary>
public static class NurtureErasureMapper
{
    public static TargetErasure From(string target, IApiResponse response, string step)
    {
        if (response.IsSuccessStatusCode)
        {
            return TargetErasure.Erased(target);
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return TargetErasure.NotFound(target);
        }

        var status = response.StatusCode is { } code ? (int)code : 0;
        var kind = NurtureResponseMapper.Classify(status);
        return TargetErasure.Failure(target, kind != "permanent", $"{step}: {kind} ({status})");
    }
}
