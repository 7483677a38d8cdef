using System.Net;
using System.Net.Http.Headers;
using LeadSync.Core.Crm;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;

namespace LeadSync.Crm.Tests;

public sealed class CrmResponseMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quota = TimeSpan.FromHours(3);

    private static CrmOutcome Classify(CrmProvider provider, int status, string? body, Action<HttpResponseHeaders>? headers = null)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        headers?.Invoke(response.Headers);
        return CrmResponseMapper.Classify(provider, (HttpStatusCode)status, response.Headers, body, Quota, Now);
    }

    [Fact]
    public void Salesforce_request_limit_exceeded_is_quota_exhausted_with_the_configured_wait()
    {
        var outcome = Classify(CrmProvider.Salesforce, 403, """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""");

        Assert.Equal(new CrmOutcome(CrmOutcomeKind.QuotaExhausted, outcome.Reason, Quota), outcome);
    }

    [Fact]
    public void Salesforce_403_for_missing_access_is_permanent()
    {
        var outcome = Classify(CrmProvider.Salesforce, 403, """[{"message":"insufficient access rights on object id","errorCode":"INSUFFICIENT_ACCESS_OR_READONLY"}]""");

        Assert.Equal(CrmOutcomeKind.Permanent, outcome.Kind);
    }

    [Fact]
    public void Salesforce_unknown_external_id_field_from_the_vendor_sample_is_permanent()
    {
        var outcome = Classify(CrmProvider.Salesforce, 404, Fixture.Read("salesforce-upsert-extid-field-not-found.json"));

        Assert.Equal(CrmOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("NOT_FOUND", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HubSpot_ten_secondly_429_from_the_vendor_sample_is_transient()
    {
        var outcome = Classify(CrmProvider.HubSpot, 429, Fixture.Read("hubspot-429-ten-secondly-rolling.json"));

        Assert.Equal(CrmOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), outcome.RetryAfter);
    }

    [Fact]
    public void HubSpot_daily_429_is_quota_exhausted_until_reset()
    {
        var body = Fixture.Read("hubspot-429-ten-secondly-rolling.json").Replace("TEN_SECONDLY_ROLLING", "DAILY", StringComparison.Ordinal);

        var outcome = Classify(CrmProvider.HubSpot, 429, body);

        Assert.Equal(CrmOutcomeKind.QuotaExhausted, outcome.Kind);
        Assert.Equal(Quota, outcome.RetryAfter);
    }

    [Fact]
    public void HubSpot_http_Retry_After_is_read_as_seconds_not_milliseconds()
    {
        var outcome = Classify(CrmProvider.HubSpot, 477, """{"status":"error","message":"migrating"}""", h => h.Add("Retry-After", "30"));

        Assert.Equal(TimeSpan.FromSeconds(30), outcome.RetryAfter);
    }

    [Fact]
    public void HubSpot_423_waits_at_least_two_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Classify(CrmProvider.HubSpot, 423, null).RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(5), Classify(CrmProvider.HubSpot, 423, null, h => h.Add("Retry-After", "5")).RetryAfter);
    }

    [Fact]
    public void HubSpot_validation_error_from_the_vendor_sample_is_permanent_with_its_message()
    {
        var outcome = Classify(CrmProvider.HubSpot, 400, Fixture.Read("hubspot-crm-error.json"));

        Assert.Equal(CrmOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("VALIDATION_ERROR", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HubSpot", 502)]
    [InlineData("HubSpot", 524)]
    [InlineData("Salesforce", 500)]
    [InlineData("Dynamics", 503)]
    [InlineData("Dynamics", 408)]
    public void Server_errors_are_transient(string provider, int status) =>
        Assert.Equal(CrmOutcomeKind.Transient, Classify(Enum.Parse<CrmProvider>(provider), status, null).Kind);

    [Fact]
    public void Dataverse_429_honours_Retry_After_seconds_and_an_http_date()
    {
        var seconds = Classify(CrmProvider.Dynamics, 429, """{"error":{"code":"0x80072322","message":"Number of requests exceeded"}}""", h => h.Add("Retry-After", "12"));
        var date = Classify(CrmProvider.Dynamics, 429, null, h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(2)));

        Assert.Equal((CrmOutcomeKind.Transient, TimeSpan.FromSeconds(12)), (seconds.Kind, seconds.RetryAfter));
        Assert.Equal(TimeSpan.FromMinutes(2), date.RetryAfter);
        Assert.Contains("0x80072322", seconds.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dynamics-412-prevent-update.json", 412)]
    [InlineData("dynamics-412-optimistic-concurrency.json", 412)]
    [InlineData("dynamics-404-prevent-create.json", 404)]
    public void Dataverse_precondition_and_missing_row_samples_are_permanent_with_the_message(string sample, int status)
    {
        var outcome = Classify(CrmProvider.Dynamics, status, Fixture.Read(sample));

        Assert.Equal(CrmOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains(status == 404 ? "Does Not Exist" : "record", outcome.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("UNABLE_TO_LOCK_ROW", CrmOutcomeKind.Transient)]
    [InlineData("REQUIRED_FIELD_MISSING", CrmOutcomeKind.Permanent)]
    [InlineData("REQUEST_LIMIT_EXCEEDED", CrmOutcomeKind.QuotaExhausted)]
    public void Per_record_errors_distinguish_locks_limits_and_validation(string code, CrmOutcomeKind kind) =>
        Assert.Equal(kind, CrmResponseMapper.ClassifyRecordError(CrmProvider.Salesforce, code, "m", Quota).Kind);

    [Fact]
    public void An_open_circuit_and_a_timeout_are_transient()
    {
        Assert.Equal(CrmOutcomeKind.Transient, CrmResponseMapper.FromException(new Polly.CircuitBreaker.BrokenCircuitException()).Kind);
        Assert.Equal(CrmOutcomeKind.Transient, CrmResponseMapper.FromException(new Polly.Timeout.TimeoutRejectedException()).Kind);
    }

    [Theory]
    [InlineData("Salesforce", 401, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""")]
    [InlineData("HubSpot", 401, """{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}""")]
    [InlineData("HubSpot", 403, """{"status":"error","message":"This app hasn't been granted all required scopes.","category":"MISSING_SCOPES"}""")]
    [InlineData("Dynamics", 401, null)]
    [InlineData("Dynamics", 403, """{"error":{"code":"0x80040220","message":"Principal user is missing prvCreateLead privilege"}}""")]
    [InlineData("Salesforce", 400, """[{"message":"authentication failure","errorCode":"LEADSYNC_TOKEN_REQUEST_FAILED"}]""")]
    public void Credential_and_permission_failures_are_the_connections_not_the_leads(string provider, int status, string? body)
    {
        // Issue 18: these used to be permanent, dead-lettering every lead of the backlog for one expired secret.
        var outcome = Classify(Enum.Parse<CrmProvider>(provider), status, body);

        Assert.Equal(CrmFailureClass.Transient, outcome.Class);
    }

    [Theory]
    [InlineData("HubSpot", """{"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"}""")]
    [InlineData("Dynamics", """{"error":{"code":"0x80072322","message":"Number of requests exceeded"}}""")]
    public void A_429_throttles_the_whole_connection_for_its_retry_after(string provider, string body)
    {
        var outcome = Classify(Enum.Parse<CrmProvider>(provider), 429, body, h => h.Add("Retry-After", "40"));

        Assert.Equal((CrmFailureClass.Throttled, TimeSpan.FromSeconds(40)), (outcome.Class, outcome.RetryAfter));
    }

    [Fact]
    public void Quota_stops_are_their_own_class()
    {
        Assert.Equal(CrmFailureClass.Quota, Classify(CrmProvider.Salesforce, 403, """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""").Class);
        Assert.Equal(CrmFailureClass.Quota, Classify(CrmProvider.HubSpot, 429, Fixture.Read("hubspot-429-ten-secondly-rolling.json").Replace("TEN_SECONDLY_ROLLING", "DAILY", StringComparison.Ordinal)).Class);
    }

    [Theory]
    [InlineData("UNABLE_TO_LOCK_ROW", CrmFailureClass.Refused)]
    [InlineData("RATE_LIMITS", CrmFailureClass.Throttled)]
    [InlineData("SERVER_UNAVAILABLE", CrmFailureClass.Transient)]
    [InlineData("FIELD_CUSTOM_VALIDATION_EXCEPTION", CrmFailureClass.Permanent)]
    [InlineData("DUPLICATE_VALUE", CrmFailureClass.Permanent)]
    public void Per_record_errors_map_to_their_failure_class(string code, CrmFailureClass expected) =>
        Assert.Equal(expected, CrmResponseMapper.ClassifyRecordError(CrmProvider.Salesforce, code, "m", Quota).Class);

    [Fact]
    public void Validation_errors_stay_permanent_with_the_crms_words()
    {
        var outcome = Classify(CrmProvider.Salesforce, 400, """[{"message":"Required fields are missing: [Company]","errorCode":"REQUIRED_FIELD_MISSING","fields":["Company"]}]""");

        Assert.Equal(CrmFailureClass.Permanent, outcome.Class);
        Assert.Equal("Salesforce 400 REQUIRED_FIELD_MISSING: Required fields are missing: [Company]", outcome.Reason);
    }
}
