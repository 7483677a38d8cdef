using LeadSync.Web.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadSync.EndToEnd.Tests;

/// <summary>The one admin check both hosts share: the Functions triggers call <see cref="AdminGate.RunAsync"/> around a handler.</summary>
public sealed class AdminGateTests
{
    private const string Key = "gate-test-key";

    private static AdminGate Gate()
    {
        var options = new AdminOptions();
        options.ApiKeys.Add(AdminKeyHasher.Hash(Key));
        return new AdminGate(new AdminAuthorizer(new FixedOptionsMonitor<AdminOptions>(options)));
    }

    private static DefaultHttpContext Context(string? key = null)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging(l => l.ClearProviders()).BuildServiceProvider(),
        };
        if (key is not null)
        {
            context.Request.Headers[AdminAuthorizer.KeyHeader] = key;
        }

        return context;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task A_caller_without_the_admin_identity_is_refused_before_the_handler_runs(string? key)
    {
        var context = Context(key);
        var ran = false;

        var result = await Gate().RunAsync(context.Request, () =>
        {
            ran = true;
            return Task.FromResult(Results.Ok());
        });
        await result.ExecuteAsync(context);

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Fact]
    public async Task An_admin_reaches_the_handler_which_reads_the_audit_name_the_gate_recorded()
    {
        var context = Context(Key);
        string? actor = null;

        await Gate().RunAsync(context.Request, () =>
        {
            actor = AdminGate.ActorOf(context.Request);
            return Task.FromResult(Results.Ok());
        });

        Assert.Equal("key:" + AdminKeyHasher.Hash(Key)[AdminKeyHasher.Prefix.Length..][..12], actor);
    }

    [Fact]
    public void A_handler_reached_without_the_gate_cannot_name_an_admin() =>
        Assert.Throws<InvalidOperationException>(() => AdminGate.ActorOf(Context(Key).Request));
}
