using LeadSync.Core.Jobs;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging;

namespace LeadSync.Core.Intake.Erasure;

/// <summary>
/// The erasure use case for one <see cref="QueueNames.LeadErase"/> message (a vendor said the submission was deleted).
/// A lead that is not stored yet (the delete overtook the create) is retried a few times before giving up.
/// </summary>
public sealed partial class LeadErasure(ILeadEraser eraser, ILogger<LeadErasure> logger)
{
    public static readonly TimeSpan NotYetStoredRetry = TimeSpan.FromMinutes(10);

    public async Task<WorkOutcome> EraseAsync(string leadId, int dequeueCount, CancellationToken cancellationToken)
    {
        if (await eraser.EraseAsync(leadId, "The vendor reported the submission as deleted.", cancellationToken))
        {
            LogErased(logger, leadId);
            return WorkOutcome.Done("erased");
        }

        return dequeueCount < 5 ? WorkOutcome.Retry(NotYetStoredRetry, "lead not stored yet") : WorkOutcome.Done("no such lead");
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Erased personal data of lead {LeadId}")]
    private static partial void LogErased(ILogger logger, string leadId);
}
