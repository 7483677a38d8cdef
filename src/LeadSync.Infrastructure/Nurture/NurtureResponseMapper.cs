namespace LeadSync.Infrastructure.Nurture;

/// <summary>The one place provider responses become <see cref="NurtureResult"/>s: transient, quota or permanent failures.</summary>
public static class NurtureResponseMapper
{
    public static NurtureResult? Failure(IApiResponse response, string destination, string step)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var status = response.StatusCode is { } code ? (int)code : 0;
        return new NurtureResult(false, destination, $"{step}: {Classify(status)} ({status})");
    }

    /// <summary>0 = no response at all (network failure after the resilience pipeline gave up).</summary>
    public static string Classify(int status) => status switch
    {
        429 => "quota",
        408 or >= 500 or 0 => "transient",
        _ => "permanent",
    };
}
