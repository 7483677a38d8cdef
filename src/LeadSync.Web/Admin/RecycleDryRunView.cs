namespace LeadSync.Web.Admin;

/// <summary>
/// The JSON shape of <c>POST /api/admin/recycle/dry-run</c>: how many leads were judged, how many would be recycled,
/// closed or handed to nurture, and each lead with its verdict (newest first). <see cref="DefaultTarget"/> names where a
/// lead without a reason target goes.
/// </summary>
public sealed record RecycleDryRunView(
    int Evaluated, int WouldRecycle, int WouldClose, int WouldNurture, string DefaultTarget, IReadOnlyList<RecycleDryRunItem> Items);
