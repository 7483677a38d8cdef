using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadSync.Web.Admin;

/// <summary>
/// Wraps an admin action in its audit entry (<see cref="AuditRecorder"/>): the entry is stored before the action runs —
/// if storage cannot take it, the action does not run and the caller gets the 503 (<see cref="EndpointGuard"/>) — and
/// completed with the HTTP status and the handler's <see cref="AuditNote"/> after it.
/// </summary>
public sealed class AdminAudit(AuditRecorder recorder)
{
    public async Task<IResult> RecordAsync(
        HttpRequest request, string action, string target, Func<AuditNote, Task<IResult>> handler, CancellationToken cancellationToken)
    {
        var started = await recorder.BeginAsync(AdminGate.ActorOf(request), action, target, cancellationToken);
        var note = new AuditNote();
        IResult result;
        try
        {
            result = await handler(note);
        }
        catch (Exception ex)
        {
            await recorder.CompleteAsync(started, AuditStatus.Failed, Failure(ex), note.Target);
            throw;
        }

        await recorder.CompleteAsync(started, AuditStatus.Completed, Outcome(result, note.Outcome), note.Target);
        return result;
    }

    /// <summary><c>200 OK</c>, <c>404 Not found</c> (a problem's title), then the handler's note.</summary>
    public static string Outcome(IResult result, string? note)
    {
        while (result is RetryAfterResult or HeaderResult)
        {
            result = result is RetryAfterResult retry ? retry.Inner : ((HeaderResult)result).Inner;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var meaning = result is ProblemHttpResult problem && problem.ProblemDetails.Title is { Length: > 0 } title
            ? title
            : ReasonPhrases.GetReasonPhrase(status);
        var text = string.Create(CultureInfo.InvariantCulture, $"{status} {meaning}");
        return note is { Length: > 0 } ? $"{text}: {note}" : text;
    }

    /// <summary>How the guard will answer the exception (never its message, which may carry data).</summary>
    private static string Failure(Exception exception) => exception switch
    {
        OperationCanceledException => "cancelled: the caller went away",
        StorageUnavailableException => "503 storage unavailable: the action may be partly done",
        LeadContentionException => "503 lead busy: the action may be partly done",
        CrmReadException => "503 CRM unavailable: the action may be partly done",
        _ => "500 unexpected failure: the action may be partly done",
    };
}
