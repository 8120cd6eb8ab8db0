namespace IaCBot.Tests.Postgres;

/// <summary>The test classes that share one throwaway PostgreSQL server; each test makes its own database in it.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
