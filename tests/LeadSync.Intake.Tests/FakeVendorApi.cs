using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadSync.Intake.Tests;

/// <summary>
/// A real Kestrel on 127.0.0.1 (free port) playing HubSpot CRM and the Meta Graph API. Responses are keyed by record
/// id: a fixture file name answers 200 with that file, a number answers that status.
/// </summary>
public sealed class FakeVendorApi : IAsyncLifetime
{
    private WebApplication? _app;

    public ConcurrentDictionary<string, string> Responses { get; } = new();

    public ConcurrentQueue<HttpRequestRecord> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/crm/v3/objects/contacts/{id}", (string id, HttpContext context) => Answer(id, context));
        _app.MapGet("/v{version}/{id}", (string version, string id, HttpContext context) => Answer(id, context));
        _app.MapGet("/rest/leadFormResponses/{id}", (string id, HttpContext context) => Answer("response:" + id, context));
        _app.MapGet("/rest/leadForms/{id}", (string id, HttpContext context) => Answer("form:" + id, context));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private IResult Answer(string id, HttpContext context)
    {
        Requests.Enqueue(new HttpRequestRecord(context.Request.Path, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString())
        {
            LinkedInVersion = context.Request.Headers["LinkedIn-Version"].ToString(),
            RestliProtocol = context.Request.Headers["X-Restli-Protocol-Version"].ToString(),
        });
        if (!Responses.TryGetValue(id, out var response))
        {
            return Results.NotFound();
        }

        if (int.TryParse(response, out var status))
        {
            return Results.StatusCode(status);
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "vendor", response);
        return Results.Text(File.ReadAllText(path), "application/json");
    }
}

public sealed record HttpRequestRecord(string Path, string Query, string Authorization)
{
    public string LinkedInVersion { get; init; } = string.Empty;

    public string RestliProtocol { get; init; } = string.Empty;
}
