namespace LeadSync.Core.Crm;

/// <summary>
/// What a failed CRM call means for the lead and for the connection. Only <see cref="Permanent"/> and
/// <see cref="Refused"/> are about the lead; the others are about the connection and never use up a lead's attempts.
/// </summary>
public enum CrmFailureClass
{
    /// <summary>The call succeeded.</summary>
    None,

    /// <summary>The CRM refused the record itself (validation, field errors, a duplicate it will never accept): dead letter at once.</summary>
    Permanent,

    /// <summary>The CRM answered and refused this lead for now (row lock, no result for it): one attempt used.</summary>
    Refused,

    /// <summary>Rate limited (429): the connection pauses for the vendor's Retry-After; no attempt used.</summary>
    Throttled,

    /// <summary>The daily or org quota is spent: the connection pauses until the vendor's reset; no attempt used.</summary>
    Quota,

    /// <summary>No answer about the lead (5xx, timeout, connection error, token trouble): no attempt used; a run of them pauses the connection.</summary>
    Transient,
}
