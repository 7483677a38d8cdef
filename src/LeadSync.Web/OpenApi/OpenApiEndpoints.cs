using LeadSync.Web.Console;

namespace LeadSync.Web.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c>: the hand-written OpenAPI 3.1 document of the whole HTTP API (an embedded resource;
/// a test checks it against the routes both hosts map).
/// </summary>
public static class OpenApiEndpoints
{
    public const string ResourceName = "openapi.json";

    public static IResult Get() =>
        ConsoleEndpoints.Read(ResourceName) is { } content
            ? Results.Bytes(content, "application/json")
            : Results.NotFound();
}
