namespace LeadSync.Core.Leads;

/// <summary>Budget / authority / need / timeline answers when the form asked for them (free text, trimmed).</summary>
public sealed record BantAnswers
{
    public string? Budget { get; init; }
    public string? Authority { get; init; }
    public string? Need { get; init; }
    public string? Timeline { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Budget is null && Authority is null && Need is null && Timeline is null;
}
