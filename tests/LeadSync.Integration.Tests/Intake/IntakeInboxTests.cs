using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Web.Hosting;

namespace LeadSync.Integration.Tests.Intake;

/// <summary>The durable inbox on Azurite: what the request path writes, and the re-drive job filing what no pump filed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IntakeInboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_delivery_round_trips_with_a_body_and_headers_larger_than_one_property()
    {
        var inbox = _services.Get<IIntakeInbox>();
        var body = Encoding.UTF8.GetBytes(new string('x', 200 * 1024));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["webhook-id"] = "msg_big", ["X-Long"] = new string('h', 30 * 1024) };
        var delivery = InboxDelivery.Arrived(new InboundWebhook
        {
            Source = "pardot",
            Method = "POST",
            RequestUri = new Uri("http://localhost/api/webhooks/pardot?key=secret&form=demo"),
            ContentType = "application/x-www-form-urlencoded",
            Body = body,
            Headers = headers,
            Query = new Dictionary<string, string> { ["key"] = "secret", ["form"] = "demo" },
        }, _services.Time.GetUtcNow());

        await inbox.AddAsync(delivery, CancellationToken.None);
        var listed = await inbox.ListAsync(_services.Time.GetUtcNow().AddTicks(1), 10, CancellationToken.None);

        var stored = Assert.Single(listed);
        Assert.Equal(delivery.Id, stored.Id);
        Assert.Equal(body, stored.Webhook.Body.ToArray());
        Assert.Equal(headers["X-Long"], stored.Webhook.Header("x-long"));
        Assert.Equal("demo", stored.Webhook.Query["form"]);
        Assert.False(stored.Webhook.Query.ContainsKey("key"));
        Assert.Equal("http://localhost/api/webhooks/pardot", stored.Webhook.RequestUri.ToString());
        Assert.Empty(await inbox.ListAsync(_services.Time.GetUtcNow(), 10, CancellationToken.None));
        Assert.Equal(body, (await inbox.GetAsync(delivery.Id, CancellationToken.None))?.Webhook.Body.ToArray());

        await inbox.RemoveAsync(delivery.Id, CancellationToken.None);
        await inbox.RemoveAsync(delivery.Id, CancellationToken.None);
        Assert.Empty(await inbox.ListAsync(_services.Time.GetUtcNow().AddTicks(1), 10, CancellationToken.None));
        Assert.Null(await inbox.GetAsync(delivery.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_left_in_the_inbox_by_a_crashed_instance_is_filed_by_the_redrive_job_once_old_enough()
    {
        // What the request path of an instance that died before filing left behind.
        var webhook = Pipeline.SignedGeneric(_services, "orphan@example.com", "msg_orphan");
        var check = await _services.Get<WebhookIntake>().CheckAsync(webhook, CancellationToken.None);
        var leadId = Assert.Single(check.LeadIds);
        await _services.Get<IIntakeInbox>().AddAsync(InboxDelivery.Arrived(webhook, _services.Time.GetUtcNow()), CancellationToken.None);
        Assert.Null(await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None));

        await _services.Get<JobRunner>().RunAsync(JobNames.Redrive, CancellationToken.None);
        Assert.Null(await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None));

        _services.Time.Advance(TimeSpan.FromMinutes(2));
        var report = await _services.Get<JobRunner>().RunAsync(JobNames.Redrive, CancellationToken.None);

        var lead = await _services.Get<ILeadStore>().GetAsync(leadId, CancellationToken.None);
        Assert.Equal(LeadStatus.SalesReady, lead?.Status);
        Assert.True(report?.Acted >= 1);
        Assert.Empty(await _services.Get<IIntakeInbox>().ListAsync(_services.Time.GetUtcNow(), 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("per-delivery")]
    [InlineData("sixteen")]
    public async Task A_row_stored_under_an_earlier_partition_layout_is_read_back_and_removed_once_filed(string layout)
    {
        var inbox = _services.Get<IIntakeInbox>();
        var delivery = InboxDelivery.Arrived(Pipeline.SignedGeneric(_services, "legacy@example.com", "msg_legacy"), _services.Time.GetUtcNow());
        await inbox.AddAsync(delivery, CancellationToken.None);
        var table = await _services.Get<StorageClients>().TableAsync(TableIntakeInbox.Table, CancellationToken.None);
        var row = (await table.GetEntityAsync<TableEntity>(TableIntakeInbox.PartitionOf(delivery.Id), delivery.Id)).Value;
        await table.DeleteEntityAsync(row.PartitionKey, delivery.Id);
        await table.AddEntityAsync(new TableEntity(row) { PartitionKey = layout == "sixteen" ? delivery.Id[^1..] : delivery.Id });
        Assert.Single(await inbox.ListAsync(_services.Time.GetUtcNow().AddTicks(1), 10, CancellationToken.None));
        if (layout == "per-delivery")
        {
            Assert.Equal(delivery.Webhook.Body.ToArray(), (await inbox.GetAsync(delivery.Id, CancellationToken.None))!.Webhook.Body.ToArray());
            Assert.Equal(delivery.Id, Assert.Single(await inbox.GetManyAsync([delivery.Id], CancellationToken.None)).Id);
        }

        await inbox.RemoveAsync(delivery.Id, CancellationToken.None);

        Assert.Empty(await inbox.ListAsync(_services.Time.GetUtcNow().AddTicks(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Deliveries_of_one_arrival_second_share_a_partition_and_are_removed_together()
    {
        var inbox = _services.Get<IIntakeInbox>();
        var at = _services.Time.GetUtcNow();
        var deliveries = Enumerable.Range(0, 5)
            .Select(i => InboxDelivery.Arrived(Pipeline.SignedGeneric(_services, $"second{i}@example.com", $"msg_second_{i}"), at))
            .ToList();
        foreach (var delivery in deliveries)
        {
            await inbox.AddAsync(delivery, CancellationToken.None);
        }

        Assert.Single(deliveries.Select(d => TableIntakeInbox.PartitionOf(d.Id)).Distinct());
        Assert.Equal(12, TableIntakeInbox.PartitionOf(deliveries[0].Id).Length);

        // One of them is gone already (filed twice): the others still leave, and removing it again is no error.
        await inbox.RemoveAsync(deliveries[0].Id, CancellationToken.None);
        await Task.WhenAll(deliveries.Select(d => inbox.RemoveAsync(d.Id, CancellationToken.None)));

        Assert.Empty(await inbox.ListAsync(at.AddTicks(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Deliveries_are_read_back_together_exactly_those_asked_for_and_still_stored()
    {
        var inbox = _services.Get<IIntakeInbox>();
        var at = _services.Time.GetUtcNow();
        var second = Enumerable.Range(0, 4)
            .Select(i => InboxDelivery.Arrived(Pipeline.SignedGeneric(_services, $"arrived{i}@example.com", $"msg_arrived_{i}"), at.AddMilliseconds(i)))
            .ToList();
        var next = InboxDelivery.Arrived(Pipeline.SignedGeneric(_services, "next@example.com", "msg_next"), at.AddSeconds(1));
        foreach (var delivery in second.Append(next))
        {
            await inbox.AddAsync(delivery, CancellationToken.None);
        }

        var read = await inbox.GetManyAsync([second[3].Id, second[0].Id, next.Id, second[2].Id], CancellationToken.None);
        await inbox.RemoveAsync(second[0].Id, CancellationToken.None);
        var afterOneFiled = await inbox.GetManyAsync([second[0].Id, second[1].Id], CancellationToken.None);

        // second[1] lies between the ids asked for in its second, and is not returned: it was not asked for.
        Assert.Equal(new[] { second[0].Id, second[2].Id, second[3].Id, next.Id }.Order(StringComparer.Ordinal), read.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(second[2].Webhook.Body.ToArray(), read.Single(d => d.Id == second[2].Id).Webhook.Body.ToArray());
        Assert.Equal(second[1].Id, Assert.Single(afterOneFiled).Id);
    }
}
