namespace LeadSync.Web.Hosting;

/// <summary>
/// Thrown to a Functions queue trigger when work must be retried later: the host then makes the message visible
/// again and, after maxDequeueCount attempts, moves it to the poison queue.
/// </summary>
public sealed class RetryLaterException : Exception
{
    public RetryLaterException()
    {
    }

    public RetryLaterException(string message)
        : base(message)
    {
    }

    public RetryLaterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
