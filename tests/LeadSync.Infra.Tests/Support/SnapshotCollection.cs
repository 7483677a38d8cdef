namespace LeadSync.Infra.Tests.Support;

/// <summary>Shares one <see cref="DeploymentSnapshot"/> across the test classes that read it.</summary>
[CollectionDefinition(Name)]
public sealed class SnapshotCollection : ICollectionFixture<DeploymentSnapshot>
{
    public const string Name = "Deployment snapshot";
}
