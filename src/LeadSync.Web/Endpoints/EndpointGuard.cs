namespace LeadSync.Web.Endpoints;

/// <summary>
/// The last-resort handler shared by both hosts: storage outages become a retryable 503, anything unexpected a
/// 500 problem that leaks no internals.
/// </summary>
public sealed partial class EndpointGuard(ILogger<EndpointGuard> logger)
{
    public async Task<IResult> RunAsync(string operation, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (StorageUnavailableException ex)
        {
            LogStorageUnavailable(logger, ex, operation);
            return Problem.StorageUnavailable();
        }
        catch (LeadContentionException ex)
        {
            // Other writers kept the lead busy: the work was not done, so the caller (a CRM) must send it again.
            LogLeadBusy(logger, operation, ex.LeadId, ex.Attempts);
            return Problem.LeadBusy();
        }
        catch (CrmReadException ex)
        {
            // A CRM read nobody handled: the CRM is down, not LeadSync; retryable, never a 500.
            LogCrmUnavailable(logger, ex, operation);
            return Problem.CrmUnavailable("The CRM could not be read; nothing was changed. Retry later.", ex.Outcome?.RetryAfter);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Last-resort handler: every unexpected failure becomes a logged 500 problem.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, ex, operation);
            return Problem.Internal();
        }
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "{Operation}: storage unavailable")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "{Operation}: lead {LeadId} changed under all {Attempts} write attempts; answered 503")]
    private static partial void LogLeadBusy(ILogger logger, string operation, string leadId, int attempts);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "{Operation}: the CRM could not be read")]
    private static partial void LogCrmUnavailable(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Error, Message = "{Operation}: unexpected failure")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string operation);
}
