using System.Diagnostics;

namespace LeadSync.Testing;

/// <summary>
/// Calls back for every HTTP request this process completes through <see cref="HttpClient"/>, seen through
/// HttpClient's own diagnostics (<c>System.Net.Http.HttpRequestOut.Stop</c>), so a probe counts what the Azure SDK
/// really sends whatever code path sent it. The callback runs synchronously under the <see cref="Activity"/> that
/// sent the request; the response is null when none came. Every attempt is seen, retries too.
/// </summary>
public sealed class HttpRequestsSent : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly Action<HttpRequestMessage, HttpResponseMessage?> _onSent;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _allListeners;

    public HttpRequestsSent(Action<HttpRequestMessage, HttpResponseMessage?> onSent)
    {
        _onSent = onSent;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "System.Net.Http.HttpRequestOut.Stop" || value.Value is not { } payload)
        {
            return;
        }

        if (payload.GetType().GetProperty("Request")?.GetValue(payload) is HttpRequestMessage request)
        {
            _onSent(request, payload.GetType().GetProperty("Response")?.GetValue(payload) as HttpResponseMessage);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
