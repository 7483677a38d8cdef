using LeadSync.Core.Admin;

namespace LeadSync.Core.Tests.Admin;

public sealed class EscalationDirectoryTests
{
    [Fact]
    public void An_owner_listed_by_an_admin_is_found_case_insensitively()
    {
        var snapshot = new AdminConfigurationSnapshot();
        snapshot.Apply(AdminResources.Directory, 1, """{"owners":{"Ada":{"manager":"grace","channel":"#sales-emea"}}}""");

        var entry = EscalationDirectory.Find(snapshot, "ada");

        Assert.Equal("grace", entry?.Manager);
        Assert.Equal("#sales-emea", entry?.Channel);
    }

    [Fact]
    public void Without_a_directory_or_an_owner_there_is_no_entry()
    {
        var snapshot = new AdminConfigurationSnapshot();

        Assert.Null(EscalationDirectory.Find(snapshot, "ada"));
        Assert.Null(EscalationDirectory.Find(null, "ada"));
        snapshot.Apply(AdminResources.Directory, 1, """{"owners":{"ada":{"manager":"grace"}}}""");
        Assert.Null(EscalationDirectory.Find(snapshot, null));
        Assert.Null(EscalationDirectory.Find(snapshot, "bob"));
    }
}
