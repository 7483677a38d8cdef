namespace LeadSync.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class AdminEffectCollection : ICollectionFixture<AdminEffectHostFixture>
{
    public const string Name = "admin effect host";
}
