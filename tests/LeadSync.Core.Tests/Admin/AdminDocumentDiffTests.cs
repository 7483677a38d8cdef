using LeadSync.Core.Admin;

namespace LeadSync.Core.Tests.Admin;

public sealed class AdminDocumentDiffTests
{
    [Fact]
    public void Every_changed_added_and_removed_leaf_is_listed_by_its_json_path()
    {
        var changes = AdminDocumentDiff.Between(
            """{"levels":[{"after":"00:00:00","recipient":"owner"},{"after":"00:30:00","recipient":"manager"}],"mode":"All","keep":1}""",
            """{"levels":[{"after":"00:00:00","recipient":"owner"},{"after":"01:00:00","recipient":"manager"},{"after":"02:00:00","recipient":"team"}],"keep":1,"new":true}""");

        Assert.Equal(["levels[1].after", "levels[2]", "mode", "new"], changes.Select(c => c.Path));
        Assert.Equal("00:30:00", changes[0].Before!.GetValue<string>());
        Assert.Equal("01:00:00", changes[0].After!.GetValue<string>());
        Assert.Null(changes[1].Before);
        Assert.Equal("team", changes[1].After!["recipient"]!.GetValue<string>());
        Assert.Null(changes[2].After);
    }

    [Fact]
    public void Equal_documents_have_no_changes() =>
        Assert.Empty(AdminDocumentDiff.Between("""{"a":[1,2],"b":{"c":null}}""", """{"b":{"c":null},"a":[1,2]}"""));
}
