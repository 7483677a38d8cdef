namespace LeadSync.Web.Admin;

/// <summary>Leads received on <see cref="Day"/> (UTC) whose first touch met / missed the deadline, or is still pending.</summary>
public sealed record DailyCompliance(DateOnly Day, int Met, int Breached, int Pending);
