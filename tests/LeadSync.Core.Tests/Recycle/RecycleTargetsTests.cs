using LeadSync.Core.Admin;
using LeadSync.Core.Crm;
using LeadSync.Core.Notifications;
using LeadSync.Core.Qualification;
using LeadSync.Core.Recycle;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Recycle;

public sealed class RecycleTargetsTests
{
    [Fact]
    public void A_reason_goes_to_its_own_target_else_the_default_else_the_tools_configured_list()
    {
        var options = new RecycleOptions();
        options.Targets["sla-missed"] = "list-sla";
        options.Targets["NoProgress"] = " list-stale ";

        Assert.Equal("list-sla", RecycleTargets.For(options, RecycleReasons.SlaMissed));
        Assert.Equal("list-stale", RecycleTargets.For(options, RecycleReasons.NoProgress));
        Assert.Null(RecycleTargets.For(options, RecycleReasons.AttemptsExhausted));

        options.DefaultTarget = "list-all";
        Assert.Equal("list-all", RecycleTargets.For(options, RecycleReasons.AttemptsExhausted));
    }

    [Fact]
    public void Unknown_reasons_duplicate_reasons_and_ill_formed_targets_are_refused_by_the_settings_validator()
    {
        var options = new RecycleOptions { DefaultTarget = "bad'target" };
        options.Targets["sla-missed"] = "list-1";
        options.Targets["SlaMissed"] = "list-2";
        options.Targets["bored"] = "list-3";
        options.Targets["no-progress"] = " ";

        var failures = new RecycleOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("LeadSync:Recycle:Targets:SlaMissed names sla-missed a second time", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("LeadSync:Recycle:Targets:bored is not a recycle reason", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("LeadSync:Recycle:Targets:no-progress must be a list id", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("LeadSync:Recycle:DefaultTarget", StringComparison.Ordinal));
    }

    [Fact]
    public void The_recycle_document_carries_targets_and_a_candidate_with_a_bad_reason_is_refused_at_its_field()
    {
        var catalog = new AdminResourceCatalog(
            new FixedOptionsMonitor<SlaOptions>(new SlaOptions()),
            new FixedOptionsMonitor<QualificationOptions>(new QualificationOptions()),
            new FixedOptionsMonitor<RecycleOptions>(new RecycleOptions()),
            new FixedOptionsMonitor<DirectoryOptions>(new DirectoryOptions()),
            new FixedOptionsMonitor<CrmOptions>(new CrmOptions()),
            SourceCatalog.All);

        var ok = catalog.Check(AdminResources.Recycle,
            """{"noProgressWindow":"14.00:00:00","targets":{"sla-missed":"123","not-sales-ready":"456"},"defaultTarget":"789"}""", null);
        var bad = catalog.Check(AdminResources.Recycle, """{"noProgressWindow":"14.00:00:00","targets":{"bored":"123"}}""", null);

        Assert.True(ok.IsValid);
        Assert.Contains("targets", ok.Changes);
        Assert.False(bad.IsValid);
        Assert.Contains("targets.bored", bad.Errors.Keys);
    }

    [Fact]
    public void The_document_lays_its_targets_over_the_settings_and_leaves_them_when_it_has_none()
    {
        var settings = new RecycleOptions { DefaultTarget = "from-settings" };
        settings.Targets["SlaMissed"] = "settings-list";

        new RecyclePolicyDocument().ApplyTo(settings);
        Assert.Equal("settings-list", RecycleTargets.For(settings, RecycleReasons.SlaMissed));

        new RecyclePolicyDocument { Targets = new() { ["no-progress"] = "admin-list" }, DefaultTarget = "" }.ApplyTo(settings);
        Assert.Null(RecycleTargets.For(settings, RecycleReasons.SlaMissed));
        Assert.Equal("admin-list", RecycleTargets.For(settings, RecycleReasons.NoProgress));
    }
}
