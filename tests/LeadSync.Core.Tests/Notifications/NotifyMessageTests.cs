using LeadSync.Core.Notifications;

namespace LeadSync.Core.Tests.Notifications;

public sealed class NotifyMessageTests
{
    [Fact]
    public void Many_notices_go_in_few_messages_and_each_comes_back_once()
    {
        var notices = Enumerable.Range(0, 60).Select(i => new NotifyMessage($"ld_{i}", 1 + (i % 3))).ToList();

        var messages = NotifyMessage.EncodeAll(notices).ToList();

        Assert.Equal(3, messages.Count);
        Assert.Equal(notices, messages.SelectMany(m => NotifyMessage.TryDecodeAll(m)!));
    }

    [Fact]
    public void A_single_notice_message_as_written_before_still_decodes() =>
        Assert.Equal([new NotifyMessage("ld_a", 2)], NotifyMessage.TryDecodeAll("ld_a|2"));

    [Theory]
    [InlineData("")]
    [InlineData("ld_a|1;")]
    [InlineData("ld_a|1;ld_b")]
    [InlineData("ld_a|1;ld_b|-1")]
    [InlineData("ld_a|x")]
    public void A_message_with_any_malformed_part_is_rejected(string text) =>
        Assert.Null(NotifyMessage.TryDecodeAll(text));
}
