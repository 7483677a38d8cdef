using LeadSync.Web.Console;
using LeadSync.Web.OpenApi;

namespace LeadSync.Functions;

/// <summary>The admin console's embedded files and the OpenAPI document, from the same shared handlers as the portable host.</summary>
public sealed class ConsoleFunctions
{
    [Function("console")]
    public static Task<IActionResult> GetConsoleAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Console)] HttpRequest request,
        string? path) =>
        Task.FromResult(ConsoleEndpoints.Get(path)).AsActionResult();

    [Function("openapi")]
    public static Task<IActionResult> GetOpenApiAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.OpenApi)] HttpRequest request) =>
        Task.FromResult(OpenApiEndpoints.Get()).AsActionResult();
}
