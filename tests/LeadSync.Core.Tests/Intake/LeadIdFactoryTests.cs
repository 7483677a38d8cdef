using LeadSync.Core.Leads;

namespace LeadSync.Core.Tests.Intake;

public sealed class LeadIdFactoryTests
{
    [Fact]
    public void The_same_delivery_always_maps_to_the_same_url_safe_id()
    {
        var first = LeadIdFactory.FromDelivery("generic", "msg_1");
        var again = LeadIdFactory.FromDelivery("generic", "msg_1");

        Assert.Equal(first, again);
        Assert.True(LeadIdFactory.IsWellFormed(first));
        Assert.Equal(Uri.EscapeDataString(first), first);
    }

    [Fact]
    public void Different_sources_or_keys_give_different_ids()
    {
        var ids = new[]
        {
            LeadIdFactory.FromDelivery("generic", "msg_1"),
            LeadIdFactory.FromDelivery("generic", "msg_2"),
            LeadIdFactory.FromDelivery("typeform", "msg_1"),
        };

        Assert.Equal(3, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ld_short")]
    [InlineData("ld_ABCDEFGHJKMNPQRSTVWXYZ01")]
    [InlineData("xx_0123456789abcdefghjkmnpq")]
    [InlineData("ld_0123456789abcdefghjkmn'q")]
    public void Ids_not_made_by_the_factory_are_not_well_formed(string? id) => Assert.False(LeadIdFactory.IsWellFormed(id));
}
