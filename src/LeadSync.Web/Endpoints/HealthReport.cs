namespace LeadSync.Web.Endpoints;

public sealed record HealthReport(string Status, string Storage);
