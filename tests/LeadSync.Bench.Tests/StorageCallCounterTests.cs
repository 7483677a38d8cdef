using LeadSync.Bench.Probes;

namespace LeadSync.Bench.Tests;

public sealed class StorageCallCounterTests
{
    [Theory]
    [InlineData("\"DELETE /devstoreaccount1/lead-sync/messages/41e8?popreceipt=AbC%3D HTTP/1.1\" 204 -", "queue lead-sync delete")]
    [InlineData("\"DELETE /devstoreaccount1/lead-sync/messages/41e8?popreceipt=AbC%3D HTTP/1.1\" 404 -", "queue lead-sync delete (404)")]
    [InlineData("\"GET /devstoreaccount1/lead-sync/messages?numofmessages=32&visibilitytimeout=60 HTTP/1.1\" 200 -", "queue lead-sync receive")]
    [InlineData("\"GET /devstoreaccount1/lead-sync/messages?numofmessages=1&peekonly=true HTTP/1.1\" 200 -", "queue lead-sync peek")]
    [InlineData("\"PUT /devstoreaccount1/lead-sync/messages/41e8?popreceipt=x&visibilitytimeout=60 HTTP/1.1\" 204 -", "queue lead-sync update visibility")]
    [InlineData("\"POST /devstoreaccount1/lead-sync/messages HTTP/1.1\" 201 -", "queue lead-sync send")]
    [InlineData("\"PUT /devstoreaccount1/lead-sync HTTP/1.1\" 201 -", "queue lead-sync create")]
    [InlineData("\"GET /devstoreaccount1/Leads(PartitionKey='ld_1',RowKey='lead') HTTP/1.1\" 200 -", "table Leads point read")]
    [InlineData("\"GET /devstoreaccount1/DueIndex()?$filter=PartitionKey%20eq%20'x' HTTP/1.1\" 200 -", "table DueIndex query")]
    [InlineData("\"PUT /devstoreaccount1/LeadsByDay(PartitionKey='20261206',RowKey='ld_1') HTTP/1.1\" 204 -", "table LeadsByDay upsert/replace")]
    [InlineData("\"POST /devstoreaccount1/$batch HTTP/1.1\" 202 -", "table batch (EGT)")]
    [InlineData("\"POST /devstoreaccount1/DueIndex HTTP/1.1\" 409 -", "table DueIndex insert (409)")]
    public void Each_access_log_line_is_counted_under_its_kind(string request, string kind) =>
        Assert.Equal(kind, StorageCallCounter.Kind("127.0.0.1 - - [06/Dec/2026:01:58:28 +0000] " + request));

    [Fact]
    public void Lines_before_start_and_lines_that_are_no_requests_are_not_counted()
    {
        var counter = new StorageCallCounter();
        counter.OnAccessLogLine("127.0.0.1 - - [06/Dec/2026:01:58:28 +0000] \"POST /devstoreaccount1/$batch HTTP/1.1\" 202 -");
        counter.Start();
        counter.OnAccessLogLine("Azurite Queue service is successfully listening at http://127.0.0.1:47311");
        counter.OnAccessLogLine("127.0.0.1 - - [06/Dec/2026:01:58:28 +0000] \"POST /devstoreaccount1/$batch HTTP/1.1\" 202 -");

        Assert.Equal(1, counter.Total);
    }
}
