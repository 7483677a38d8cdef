namespace LeadSync.Core.Reports;

/// <summary>
/// The report index backfill (<c>POST /api/admin/jobs/report-backfill/run</c>): reads every lead once, page by page,
/// and writes the report row of any lead whose row is missing or stale — leads stored before the index existed, or
/// whose row a crash lost. Manual only (it reads the whole lead table, so it is never on a timer); idempotent and
/// safe next to live traffic and to a second run (see <see cref="FunnelRowRepair"/>).
/// </summary>
public sealed partial class FunnelBackfillJob(ILeadSearch search, FunnelRowRepair repair, ILogger<FunnelBackfillJob> logger)
{
    public const int PageSize = 500;

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        int seen = 0, written = 0, unchanged = 0, skipped = 0;
        string? continuation = null;
        do
        {
            var page = await search.SearchAsync(new LeadSearchQuery { PageSize = PageSize, ContinuationToken = continuation }, cancellationToken);
            foreach (var lead in page.Leads)
            {
                seen++;
                switch (await repair.RepairAsync(lead, cancellationToken))
                {
                    case FunnelRepairOutcome.Written:
                        written++;
                        break;
                    case FunnelRepairOutcome.Unchanged:
                        unchanged++;
                        break;
                    default:
                        skipped++;
                        break;
                }
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        LogRun(logger, seen, written, unchanged, skipped);
        return new JobReport(JobNames.ReportBackfill, seen, written, unchanged + skipped, 0);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Report backfill: {Seen} leads read, {Written} rows written, {Unchanged} already right, {Skipped} skipped")]
    private static partial void LogRun(ILogger logger, int seen, int written, int unchanged, int skipped);
}
