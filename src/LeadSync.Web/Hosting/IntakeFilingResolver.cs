namespace LeadSync.Web.Hosting;

/// <summary>
/// Resolves <c>LeadSync:Intake:Filing = Auto</c> when the host starts: the Functions app (whose isolated worker always
/// has <c>FUNCTIONS_WORKER_RUNTIME</c> in its settings) files through the <c>lead-file</c> queue, so filing never
/// depends on the instance that answered; any other host files in process. An explicit mode is kept.
/// </summary>
public static class IntakeFilingResolver
{
    public const string FunctionsWorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";

    public static InboxFilingMode Resolve(InboxFilingMode configured, IConfiguration configuration) =>
        configured != InboxFilingMode.Auto
            ? configured
            : string.IsNullOrEmpty(configuration[FunctionsWorkerRuntime]) ? InboxFilingMode.InProcess : InboxFilingMode.Queue;
}
