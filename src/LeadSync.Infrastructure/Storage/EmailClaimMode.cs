namespace LeadSync.Infrastructure.Storage;

/// <summary>How filing may claim an address it has not seen (<see cref="EmailClaimMarker"/>).</summary>
public enum EmailClaimMode
{
    /// <summary>Entries stored before claims existed may lack their claim: every address is looked up.</summary>
    Off,

    /// <summary>One transaction inserts an empty claim and the delivery's own row (what every version since claims reads).</summary>
    ClaimAndRow,

    /// <summary>One insert of a claim that is itself the first delivery's entry (<c>LeadId</c> on the claim): one entity, no transaction.</summary>
    EntryOnClaim,
}
