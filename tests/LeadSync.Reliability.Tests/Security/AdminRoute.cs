namespace LeadSync.Reliability.Tests.Security;

/// <summary>One concrete call of an admin operation from the OpenAPI document (path parameters filled in).</summary>
public sealed record AdminRoute(string Method, string Template, string Path);
