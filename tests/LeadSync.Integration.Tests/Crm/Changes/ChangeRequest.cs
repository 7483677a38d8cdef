using System.Text;
using LeadSync.Web.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Integration.Tests.Crm.Changes;

/// <summary>
/// Calls a native CRM change endpoint the way both hosts do (the shared handler with a real request and the app's
/// services), and executes its result into a response: status, media type and body.
/// </summary>
public static class ChangeRequest
{
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "changes", name));

    public static async Task<(int Status, string? ContentType, string Body)> PostAsync(
        TestServices services, string pathAndQuery, string contentType, string body,
        Func<CrmChangeEndpoints, HttpRequest, Task<IResult>> call, IDictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var scope = services.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var parts = pathAndQuery.Split('?', 2);
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("leadsync.example.com");
        context.Request.Path = parts[0];
        context.Request.QueryString = parts.Length > 1 ? new QueryString("?" + parts[1]) : QueryString.Empty;
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        using var response = new MemoryStream();
        context.Response.Body = response;
        var result = await call(services.Get<CrmChangeEndpoints>(), context.Request);
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(response.ToArray()));
    }

    public static string Uri(string pathAndQuery) => "https://leadsync.example.com" + pathAndQuery;
}
