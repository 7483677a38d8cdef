namespace LeadSync.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class ThinPathCollection : ICollectionFixture<ThinPathHostFixture>
{
    public const string Name = "thin-path host";
}
