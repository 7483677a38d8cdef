namespace LeadSync.Web.Admin;

/// <summary>The funnel report as RFC 4180 CSV: one row per group, one column per figure (seconds for latencies).</summary>
public static class FunnelCsv
{
    private static readonly string[] RecycleColumns = [.. RecycleReasons.All, RecycleReasons.Exhausted];

    public static string Write(FunnelReportResult result)
    {
        var sb = new StringBuilder();
        sb.Append(result.GroupBy).Append(",received,sales_ready,synced,contacted,contacted_within_sla,contacted_late,never_contacted,escalated,in_progress,converted,recycled,dropped,sla_met,sla_missed,sla_met_pct,attempts,attempts_per_lead");
        foreach (var reason in RecycleColumns)
        {
            sb.Append(",recycled_").Append(reason.Replace('-', '_'));
        }

        sb.Append(",re_engaged,ttft_median_s,ttft_p90_s,ttft_business_median_s,ttft_business_p90_s,system_median_s,system_p90_s,human_median_s,human_p90_s\r\n");
        foreach (var g in result.Groups)
        {
            sb.Append(Escape(g.Key));
            foreach (var n in new[] { g.Received, g.SalesReady, g.Synced, g.Contacted, g.ContactedWithinSla, g.ContactedLate, g.NeverContacted, g.Escalated, g.InProgress, g.Converted, g.Recycled, g.Dropped, g.SlaMet, g.SlaMissed })
            {
                sb.Append(',').Append(n.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(',').Append(g.SlaMetPercent?.ToString(CultureInfo.InvariantCulture))
              .Append(',').Append(g.Attempts.ToString(CultureInfo.InvariantCulture))
              .Append(',').Append(g.AttemptsPerLead?.ToString(CultureInfo.InvariantCulture));

            foreach (var reason in RecycleColumns)
            {
                sb.Append(',').Append(g.RecycledByReason.GetValueOrDefault(reason).ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(',').Append(g.ReEngaged.ToString(CultureInfo.InvariantCulture));
            foreach (var stats in new[] { g.TimeToFirstTouch, g.BusinessTimeToFirstTouch, g.SystemLatency, g.HumanLatency })
            {
                sb.Append(',').Append(stats.MedianSeconds?.ToString(CultureInfo.InvariantCulture))
                  .Append(',').Append(stats.P90Seconds?.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>Quotes fields with separators, and defuses spreadsheet formulas in free-text keys (campaign names).</summary>
    private static string Escape(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
