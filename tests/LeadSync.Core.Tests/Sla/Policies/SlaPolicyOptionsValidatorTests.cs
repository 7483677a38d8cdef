using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Calendars;
using LeadSync.Core.Sla.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Tests.Sla.Policies;

public sealed class SlaPolicyOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(SlaOptions options) =>
        new SlaPolicyOptionsValidator().Validate(Options.DefaultName, options).Failures?.ToList() ?? [];

    private static SlaOptions WithPolicy(Action<SlaPolicyOptions> configure, Action<SlaOptions>? more = null)
    {
        var options = new SlaOptions();
        options.Calendars["office"] = new BusinessCalendarOptions { TimeZone = "Europe/Berlin" };
        options.Calendars["office"].Hours["Monday"] = "09:00-17:00";
        var policy = new SlaPolicyOptions { Name = "hot", FirstTouch = TimeSpan.FromMinutes(5), Calendar = "office" };
        policy.Match.MinScore = 80;
        configure(policy);
        options.Policies.Add(policy);
        more?.Invoke(options);
        return options;
    }

    [Fact]
    public void The_example_settings_are_valid()
    {
        var options = SlaSettings.FromJsonFile(SlaSettings.TiersFile).GetRequiredService<IOptions<SlaOptions>>().Value;

        Assert.Empty(Failures(options));
        Assert.Equal(5, options.Policies.Count);
    }

    [Fact]
    public void A_policy_without_a_name_is_rejected() =>
        Assert.Contains("LeadSync:Sla:Policies:0:Name is required.", Failures(WithPolicy(p => p.Name = " ")));

    [Fact]
    public void Two_policies_with_the_same_name_are_rejected() =>
        Assert.Contains(
            "LeadSync:Sla:Policies:1:Name 'HOT' is already used by an earlier policy.",
            Failures(WithPolicy(_ => { }, o => o.Policies.Add(new SlaPolicyOptions { Name = "HOT" }))));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_first_touch_that_is_not_positive_is_rejected(int minutes) =>
        Assert.Contains(
            "LeadSync:Sla:Policies:0:FirstTouch must be a positive duration (business time on the policy's calendar).",
            Failures(WithPolicy(p => p.FirstTouch = TimeSpan.FromMinutes(minutes))));

    [Fact]
    public void A_policy_naming_an_unknown_calendar_is_rejected_with_the_known_names() =>
        Assert.Contains(
            "LeadSync:Sla:Policies:0:Calendar 'ofice' is not defined under LeadSync:Sla:Calendars (known: office).",
            Failures(WithPolicy(p => p.Calendar = "ofice")));

    [Fact]
    public void A_score_range_that_is_upside_down_is_rejected() =>
        Assert.Contains(
            "LeadSync:Sla:Policies:0:Match:MinScore (80) must not be greater than LeadSync:Sla:Policies:0:Match:MaxScore (50).",
            Failures(WithPolicy(p => p.Match.MaxScore = 50)));

    [Fact]
    public void A_follow_up_cadence_needs_a_positive_window() =>
        Assert.Contains(
            "LeadSync:Sla:Policies:0:FollowUp:Window must be a positive duration when LeadSync:Sla:Policies:0:FollowUp:Attempts is set.",
            Failures(WithPolicy(p => p.FollowUp.Attempts = 6)));

    [Fact]
    public void Escalation_levels_must_increase_and_use_known_recipients_and_actions()
    {
        var failures = Failures(WithPolicy(p =>
        {
            p.Levels.Add(new EscalationLevelOptions { After = TimeSpan.FromMinutes(10), Recipient = "owner" });
            p.Levels.Add(new EscalationLevelOptions { After = TimeSpan.FromMinutes(10), Recipient = "boss", Action = "fire" });
        }));

        Assert.Equal(
            [
                "LeadSync:Sla:Policies:0:Levels:1:After must be later than level 0.",
                "LeadSync:Sla:Policies:0:Levels:1:Recipient must be one of owner, manager, team.",
                "LeadSync:Sla:Policies:0:Levels:1:Action 'fire' must be one of notify, reassign, mark-breached.",
            ],
            failures);
    }

    [Fact]
    public void A_policy_after_a_catch_all_policy_is_rejected_as_unreachable() =>
        Assert.Contains(
            "LeadSync:Sla:Policies:1 can never apply: LeadSync:Sla:Policies:0 matches every lead; move catch-all policies last.",
            Failures(WithPolicy(p => p.Match.MinScore = null, o => o.Policies.Add(new SlaPolicyOptions { Name = "cold" }))));

    [Fact]
    public void Calendar_problems_are_reported_with_their_setting_path() =>
        Assert.Contains(
            "LeadSync:Sla:Calendars:office:TimeZone 'Europe/Berlln' is not a known IANA time zone id (such as Europe/Berlin or America/New_York).",
            Failures(WithPolicy(_ => { }, o => o.Calendars["office"].TimeZone = "Europe/Berlln")));

    [Fact]
    public void Bad_settings_stop_options_resolution_with_every_message()
    {
        using var services = SlaSettings.FromPairs(
            ("LeadSync:Sla:Calendars:office:TimeZone", "Mars/Olympus_Mons"),
            ("LeadSync:Sla:Calendars:office:Hours:Monday", "17:00-09:00"),
            ("LeadSync:Sla:Policies:0:Name", "hot"),
            ("LeadSync:Sla:Policies:0:Calendar", "office"),
            ("LeadSync:Sla:Policies:0:FirstTouch", "00:00:00"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlaOptions>>().Value);

        Assert.Contains("LeadSync:Sla:Calendars:office:TimeZone 'Mars/Olympus_Mons' is not a known IANA time zone id", error.Message, StringComparison.Ordinal);
        Assert.Contains("LeadSync:Sla:Calendars:office:Hours:Monday: '17:00-09:00' must start before it ends", error.Message, StringComparison.Ordinal);
        Assert.Contains("LeadSync:Sla:Policies:0:FirstTouch must be a positive duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_refuses_to_compile_invalid_settings_that_skipped_validation()
    {
        var options = WithPolicy(p => p.Calendar = "nowhere");

        Assert.Throws<OptionsValidationException>(() => SlaTierCatalog.Compile(options));
    }
}
