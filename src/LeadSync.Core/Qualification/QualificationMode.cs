namespace LeadSync.Core.Qualification;

/// <summary>How the required fields and the score threshold combine into the sales-ready decision.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualificationMode>))]
public enum QualificationMode
{
    /// <summary>Every required field is present and the score (when the lead has one) meets the threshold.</summary>
    All,

    /// <summary>Every required field is present, or the lead has a score that meets the threshold.</summary>
    Any,
}
