namespace LeadSync.Core.Intake.Inbox;

/// <summary>Who files an accepted delivery after its 202 (<c>LeadSync:Intake:Filing</c>).</summary>
public enum InboxFilingMode
{
    /// <summary>
    /// <see cref="Queue"/> in the Functions app (the worker always has <c>FUNCTIONS_WORKER_RUNTIME</c> set),
    /// <see cref="InProcess"/> elsewhere; resolved when the host starts, and read as <see cref="InProcess"/> if not.
    /// </summary>
    Auto,

    /// <summary>
    /// The receiving instance, in memory, right after the inbox write (the portable host: one long-lived process, no
    /// queue round trip).
    /// </summary>
    InProcess,

    /// <summary>
    /// Any instance, through the <c>lead-file</c> queue: the receiving instance sends the delivery's id (many ids share
    /// one message) before it answers, so filing never depends on that instance staying alive and scales out with the
    /// queue trigger (the Functions app).
    /// </summary>
    Queue,
}
