namespace LeadSync.Core.Intake.Inbox;

/// <summary>Who files an accepted delivery after its 202 (<c>LeadSync:Intake:Filing</c>).</summary>
public enum InboxFilingMode
{
    /// <summary>
    /// The receiving instance, in memory, right after the inbox write (the portable host's default: one long-lived
    /// process, no queue round trip).
    /// </summary>
    InProcess,

    /// <summary>
    /// Any instance, through the <c>lead-file</c> queue: the receiving instance sends the delivery's id (many ids share
    /// one message) before it answers, so filing never depends on that instance staying alive and scales out with the
    /// queue trigger (the Functions app's setting).
    /// </summary>
    Queue,
}
