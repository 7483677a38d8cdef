namespace LeadSync.Core.Leads;

/// <summary>Consent the lead gave on the form; null means the form did not ask.</summary>
public sealed record ConsentFlags
{
    /// <summary>Opted in to marketing communication (newsletter, e-mail follow-up).</summary>
    public bool? Marketing { get; init; }

    /// <summary>Accepted the terms / privacy notice that allows processing the submission.</summary>
    public bool? Terms { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Marketing is null && Terms is null;
}
