using System.Reflection;
using System.Runtime.CompilerServices;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Leads;

public sealed class RecentLeadWritesTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_version_written_here_is_found_with_its_etag_until_it_is_older_than_the_bound()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var lead = Lead("W/\"v1\"");

        Write(recent, lead);
        _time.Advance(MaxAge);
        var atTheBound = recent.Find(lead.Id);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Same(lead, atTheBound);
        Assert.Equal("W/\"v1\"", atTheBound!.ETag);
        Assert.Null(recent.Find(lead.Id));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void A_lead_never_written_here_is_not_found()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        Write(recent, Lead("W/\"v1\""));

        Assert.Null(recent.Find(Lead("W/\"v1\"").Id));
    }

    [Fact]
    public void Each_write_replaces_the_version_and_restarts_its_age()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var first = Lead("W/\"v1\"");
        Write(recent, first);
        _time.Advance(TimeSpan.FromSeconds(8));

        var second = first with { Campaign = "spring", ETag = "W/\"v2\"" };
        Write(recent, second);
        _time.Advance(TimeSpan.FromSeconds(8));

        Assert.Same(second, recent.Find(first.Id));
        Assert.Equal(1, recent.Count);
    }

    [Theory]
    [InlineData(LeadStatus.Received)]
    [InlineData(LeadStatus.Synced)]
    [InlineData(LeadStatus.Recycled)]
    public void A_version_the_sync_would_not_upsert_is_not_kept_and_the_one_it_replaces_goes(LeadStatus status)
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var ready = Lead("W/\"v1\"");
        Write(recent, ready);

        Write(recent, ready with { Status = status, ETag = "W/\"v2\"" });

        Assert.Null(recent.Find(ready.Id));
        Assert.Equal(0, recent.Count);
        Assert.Equal(0, recent.Bytes);
    }

    [Fact]
    public void A_write_in_flight_hides_the_version_it_is_about_to_replace()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var lead = Lead("W/\"v1\"");
        Write(recent, lead);

        recent.BeginWrite(lead.Id);

        Assert.Null(recent.Find(lead.Id));
    }

    [Fact]
    public void A_conflicted_or_failed_write_leaves_nothing_so_the_next_reader_goes_to_storage()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var lead = Lead("W/\"v1\"");
        Write(recent, lead);

        // A 412: the row changed under another process's write; what storage holds now is unknown here.
        recent.BeginWrite(lead.Id);
        recent.EndWrite(lead.Id, null);

        Assert.Null(recent.Find(lead.Id));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void Two_writes_of_one_lead_that_overlap_leave_nothing_because_their_order_is_unknown()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var lead = Lead("W/\"v1\"");

        recent.BeginWrite(lead.Id);
        recent.BeginWrite(lead.Id);
        recent.EndWrite(lead.Id, lead with { ETag = "W/\"v3\"" });
        recent.EndWrite(lead.Id, lead with { ETag = "W/\"v2\"" });

        Assert.Null(recent.Find(lead.Id));

        // Once both are over, the next write is held again.
        Write(recent, lead with { ETag = "W/\"v4\"" });
        Assert.Equal("W/\"v4\"", recent.Find(lead.Id)!.ETag);
    }

    [Fact]
    public void Eviction_forgets_the_lead()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var lead = Lead("W/\"v1\"");
        Write(recent, lead);

        recent.Evict(lead.Id);

        Assert.Null(recent.Find(lead.Id));
        Assert.Equal(0, recent.Count);
        Assert.Equal(0, recent.Bytes);
    }

    [Fact]
    public void Past_the_entry_cap_the_oldest_writes_go_first()
    {
        var recent = new RecentLeadWrites(_time, MaxAge, maxEntries: 3);
        var leads = Enumerable.Range(0, 5).Select(_ => Lead("W/\"v1\"")).ToList();

        foreach (var lead in leads)
        {
            Write(recent, lead);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(3, recent.Count);
        Assert.Null(recent.Find(leads[0].Id));
        Assert.Null(recent.Find(leads[1].Id));
        Assert.All(leads.Skip(2), l => Assert.Same(l, recent.Find(l.Id)));
    }

    [Fact]
    public void Past_the_byte_cap_the_oldest_writes_go_first_so_large_raw_payloads_cannot_grow_memory()
    {
        var payload = new string('x', 16 * 1024);
        var perLead = RecentLeadWrites.ApproximateBytes(Lead("W/\"v1\"") with { RawPayload = payload });
        var recent = new RecentLeadWrites(_time, MaxAge, maxEntries: 1000, maxBytes: (perLead * 4) + 1);
        var leads = Enumerable.Range(0, 10).Select(_ => Lead("W/\"v1\"") with { RawPayload = payload }).ToList();

        leads.ForEach(l => Write(recent, l));

        Assert.Equal(4, recent.Count);
        Assert.True(recent.Bytes <= recent.MaxBytes, $"{recent.Bytes} bytes held");
        Assert.All(leads.Take(6), l => Assert.Null(recent.Find(l.Id)));
        Assert.All(leads.Skip(6), l => Assert.NotNull(recent.Find(l.Id)));
    }

    [Fact]
    public void The_default_caps_keep_a_full_cache_of_largest_leads_small()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var payload = new string('x', 16 * 1024);

        for (var i = 0; i < RecentLeadWrites.DefaultMaxEntries * 2; i++)
        {
            Write(recent, Lead("W/\"v1\"") with { RawPayload = payload });
        }

        Assert.True(recent.Bytes <= 8L * 1024 * 1024, $"{recent.Bytes} bytes held");
        Assert.InRange(recent.Count, 1, RecentLeadWrites.DefaultMaxEntries);
    }

    [Fact]
    public void Expired_writes_are_dropped_when_the_next_write_comes()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        Write(recent, Lead("W/\"v1\""));
        Write(recent, Lead("W/\"v1\""));
        _time.Advance(MaxAge + TimeSpan.FromSeconds(1));

        Write(recent, Lead("W/\"v1\""));

        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void A_zero_bound_keeps_nothing()
    {
        var recent = new RecentLeadWrites(_time, TimeSpan.Zero);
        var lead = Lead("W/\"v1\"");

        Write(recent, lead);

        Assert.Null(recent.Find(lead.Id));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void A_version_without_an_etag_is_not_kept()
    {
        var recent = new RecentLeadWrites(_time, MaxAge);
        var lead = Lead(null);

        Write(recent, lead);

        Assert.Null(recent.Find(lead.Id));
    }

    [Fact]
    public async Task Concurrent_writes_and_reads_keep_the_caps_and_leave_no_version_of_a_conflicted_write()
    {
        var recent = new RecentLeadWrites(_time, MaxAge, maxEntries: 64);
        var leads = Enumerable.Range(0, 200).Select(_ => Lead("W/\"v1\"")).ToList();

        await Parallel.ForEachAsync(Enumerable.Range(0, 4000), async (i, _) =>
        {
            var lead = leads[i % leads.Count];
            recent.BeginWrite(lead.Id);
            await Task.Yield();
            recent.EndWrite(lead.Id, i % 2 == 0 ? lead with { ETag = $"W/\"{i}\"" } : null);
            recent.Find(leads[(i * 7) % leads.Count].Id);
        });

        Assert.InRange(recent.Count, 0, 64);
        Assert.All(leads, l => Assert.True(recent.Find(l.Id) is null or { ETag: not null }));
    }

    /// <summary>
    /// The cache hands out the instance it holds: that is safe only while a lead cannot be changed in place. Every
    /// property of <see cref="Leads.Lead"/> and of the types it holds must be init-only and of an immutable type.
    /// </summary>
    [Fact]
    public void A_lead_and_everything_it_holds_is_immutable_so_no_caller_can_change_the_held_instance()
    {
        var immutable = new HashSet<Type>
        {
            typeof(string), typeof(int), typeof(bool), typeof(DateTimeOffset), typeof(LeadStatus),
        };
        var records = new[] { typeof(Lead), typeof(ContactDetails), typeof(ConsentFlags), typeof(BantAnswers), typeof(MarketingTouch) };
        foreach (var type in records)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var setter = property.SetMethod;
                Assert.True(setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)),
                    $"{type.Name}.{property.Name} can be set after construction");
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                Assert.True(immutable.Contains(propertyType) || records.Contains(propertyType) || property.Name == "EqualityContract",
                    $"{type.Name}.{property.Name} is a {propertyType.Name}, which the cache cannot prove immutable");
            }

            Assert.DoesNotContain(type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), f => !f.IsInitOnly);
        }
    }

    private static void Write(RecentLeadWrites recent, Lead lead)
    {
        recent.BeginWrite(lead.Id);
        recent.EndWrite(lead.Id, lead);
    }

    private static Lead Lead(string? etag) =>
        new LeadBuilder().WithStatus(LeadStatus.SalesReady).With(l => l with { ETag = etag }).Build();
}
