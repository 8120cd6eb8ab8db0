using IaCBot.Server.Redaction;
using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Tests.Redaction;

public sealed class ServerSecretsTests
{
    [Fact]
    public void The_database_connection_string_and_its_password_on_their_own_are_masked()
    {
        const string connectionString = "Host=db.example.com;Database=iacbot;Username=iacbot;Password=s3cret-db-pass";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["storage:connection_string"] = connectionString })
            .Build();

        var redactor = ServerSecrets.Read(configuration);

        Assert.Equal("using ***", redactor.Redact($"using {connectionString}"));
        Assert.Equal("password authentication failed for ***", redactor.Redact("password authentication failed for s3cret-db-pass"));
        Assert.Equal("Host=db.example.com", redactor.Redact("Host=db.example.com"));
    }
}
