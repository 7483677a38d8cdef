namespace LeadSync.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class PersonalEscalationCollection : ICollectionFixture<PersonalEscalationHostFixture>
{
    public const string Name = "personal escalation host";
}
