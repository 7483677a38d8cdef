using LeadSync.Testing;
using System.Text;
using LeadSync.Core.Intake;

namespace LeadSync.Core.Tests.Intake;

/// <summary>
/// Vendor values beyond the contact fields are bounded before anything is stored: found by R5 (a 100 KB Meta
/// form_id failed the lead write with "property value exceeds 64KB" and answered 500).
/// </summary>
public sealed class IntakeBoundsTests
{
    private readonly IntakeHarness _harness = new();

    [Fact]
    public async Task Huge_touch_fields_are_stored_cut_to_256_characters()
    {
        var body = VendorFixture.Text("meta-leadgen-webhook.json").Replace("\"form_id\": 551111744595541", "\"form_id\": \"" + new string('f', 100_000) + "\"", StringComparison.Ordinal);
        Assert.Contains(new string('f', 100_000), body, StringComparison.Ordinal);

        var result = await _harness.Intake().AcceptAsync(SourceCatalog.Authentic("meta", Encoding.UTF8.GetBytes(body)), CancellationToken.None);

        var lead = await _harness.Lead(Assert.Single(result.Leads).LeadId);
        Assert.Equal(256, lead!.Touch!.FormId!.Length);
        var timeline = await _harness.Store.GetTimelineAsync(lead.Id, CancellationToken.None);
        Assert.All(timeline, e => Assert.True(e.Detail.Length < 2_000));
    }

    [Fact]
    public async Task An_overlong_vendor_record_id_is_unprocessable_and_quarantined()
    {
        var body = VendorFixture.Text("meta-leadgen-webhook.json").Replace("55459717045641545", new string('7', 5_000), StringComparison.Ordinal);

        var result = await _harness.Intake().AcceptAsync(SourceCatalog.Authentic("meta", Encoding.UTF8.GetBytes(body)), CancellationToken.None);

        Assert.Equal(RejectionKind.Unprocessable, result.Rejection!.Kind);
        Assert.True(result.Rejection.Errors!.ContainsKey("deliveryKey"));
        Assert.Empty(_harness.Enqueued);
    }
}
