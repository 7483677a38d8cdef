using LeadSync.Core.Crm;

namespace LeadSync.Core.Tests.Crm;

public sealed class CrmFunnelTests
{
    [Theory]
    [InlineData(CrmFunnelStage.Missing, true)]
    [InlineData(CrmFunnelStage.Open, true)]
    [InlineData(CrmFunnelStage.Working, true)]
    [InlineData(CrmFunnelStage.Nurture, false)]
    [InlineData(CrmFunnelStage.Disqualified, false)]
    [InlineData(CrmFunnelStage.Converted, false)]
    public void The_recycled_status_goes_only_over_records_without_a_sales_outcome(CrmFunnelStage current, bool allowed) =>
        Assert.Equal(allowed, CrmFunnel.MayWrite(current, CrmFunnelStage.Nurture));

    [Theory]
    [InlineData(CrmFunnelStage.Missing, true)]
    [InlineData(CrmFunnelStage.Open, true)]
    [InlineData(CrmFunnelStage.Nurture, true)]
    [InlineData(CrmFunnelStage.Working, false)]
    [InlineData(CrmFunnelStage.Disqualified, false)]
    [InlineData(CrmFunnelStage.Converted, false)]
    public void The_new_lead_status_never_goes_over_a_worked_or_closed_record(CrmFunnelStage current, bool allowed) =>
        Assert.Equal(allowed, CrmFunnel.MayWrite(current, CrmFunnelStage.Open));

    [Theory]
    [InlineData(CrmFunnelStage.Working)]
    [InlineData(CrmFunnelStage.Converted)]
    [InlineData(CrmFunnelStage.Disqualified)]
    public void LeadSync_never_writes_a_sales_outcome(CrmFunnelStage target)
    {
        foreach (var current in Enum.GetValues<CrmFunnelStage>())
        {
            Assert.False(CrmFunnel.MayWrite(current, target));
        }
    }
}
