using LeadSync.Core.Admin.Audit;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Admin;

public sealed class AuditRecorderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IAuditLog> _log = new();
    private readonly List<AuditEntry> _written = [];

    public AuditRecorderTests() =>
        _log.Setup(l => l.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => _written.Add(e))
            .Returns(Task.CompletedTask);

    private AuditRecorder Recorder() => new(_log.Object, _time, NullLogger<AuditRecorder>.Instance);

    [Fact]
    public async Task Begin_stores_a_started_entry_with_the_actor_action_target_and_time_before_the_action_runs()
    {
        var entry = await Recorder().BeginAsync("key:0123456789ab", AuditActions.JobRun, "job recycle", default);

        var stored = Assert.Single(_written);
        Assert.Same(entry, stored);
        Assert.Equal("key:0123456789ab", stored.Actor);
        Assert.Equal(AuditActions.JobRun, stored.Action);
        Assert.Equal("job recycle", stored.Target);
        Assert.Equal(AuditStatus.Started, stored.Status);
        Assert.Equal(_time.GetUtcNow(), stored.At);
        Assert.True(AuditKeys.IsId(stored.Id));
        Assert.Equal(_time.GetUtcNow(), AuditKeys.StartedAt(stored.Id));
    }

    [Fact]
    public async Task Complete_rewrites_the_same_entry_with_the_outcome_and_a_fuller_target()
    {
        var started = await Recorder().BeginAsync("entra:ada@example.com", AuditActions.Erasure, "subject by e-mail", default);
        _time.Advance(TimeSpan.FromSeconds(2));

        var done = await Recorder().CompleteAsync(started, AuditStatus.Completed, "200 OK: completed", "leads ld_1");

        Assert.Equal(2, _written.Count);
        Assert.Equal(started.Id, _written[1].Id);
        Assert.Equal(started.At, _written[1].At);
        Assert.Equal("200 OK: completed", done.Outcome);
        Assert.Equal("leads ld_1", done.Target);
        Assert.Equal(AuditStatus.Completed, done.Status);
        Assert.Equal(_time.GetUtcNow(), done.CompletedAt);
    }

    [Fact]
    public async Task Begin_fails_when_storage_is_down_so_the_action_never_runs_unrecorded()
    {
        _log.Setup(l => l.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException("down"));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Recorder().BeginAsync("key:0123456789ab", AuditActions.ConfigChange, "config sla-policies", default));
    }

    [Fact]
    public async Task A_lost_completion_keeps_the_started_entry_and_does_not_fail_the_done_action()
    {
        var started = await Recorder().BeginAsync("key:0123456789ab", AuditActions.DeadLetterReplay, "dead letter d_1", default);
        _log.Setup(l => l.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException("down"));

        var done = await Recorder().CompleteAsync(started, AuditStatus.Completed, "200 OK");

        Assert.Equal(AuditStatus.Completed, done.Status);
        Assert.Equal(AuditStatus.Started, Assert.Single(_written).Status);
    }

    [Fact]
    public async Task Long_or_control_character_text_is_cut_to_a_short_single_line()
    {
        var entry = await Recorder().BeginAsync("key:0123456789ab", AuditActions.ConfigChange, "config\r\n" + new string('x', 1000), default);

        Assert.Equal(AuditRecorder.MaxTextLength, entry.Target.Length);
        Assert.DoesNotContain('\n', entry.Target);
    }

    [Fact]
    public void Ids_sort_newest_first_and_reject_tokens_that_are_not_ids()
    {
        var earlier = AuditKeys.IdFor(_time.GetUtcNow());
        var later = AuditKeys.IdFor(_time.GetUtcNow().AddMilliseconds(1));

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.False(AuditKeys.IsId("9999999999999999999-0123456789abcdef0123456789abcdef"));
        Assert.False(AuditKeys.IsId("' or 1 eq 1"));
    }
}
