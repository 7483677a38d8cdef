namespace LeadSync.Core.Storage;

/// <summary>Queue names shared by both hosts (the Functions queue triggers and the portable consumers).</summary>
public static class QueueNames
{
    public const string LeadSync = "lead-sync";
    public const string Notifications = "lead-notify";
}
