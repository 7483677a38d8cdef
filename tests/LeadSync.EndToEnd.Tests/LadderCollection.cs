namespace LeadSync.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class LadderCollection : ICollectionFixture<LadderHostFixture>
{
    public const string Name = "ladder host";
}
