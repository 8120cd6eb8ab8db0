using IaCBot.Infrastructure.Storage.Postgres;
using Npgsql;

namespace IaCBot.Infrastructure.Tests.Storage.Postgres;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Statements_are_prepared_and_pooled_connections_kept_as_they_are_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Tuned("Host=db;Database=iacbot;Username=bot;Password=s3cret"));

        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("iacbot", tuned.Database);
        Assert.Equal("s3cret", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NORESETONCLOSE=false")]
    public void What_the_operator_wrote_is_kept_however_it_is_spelled(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Tuned(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db", "-c plan_cache_mode=force_generic_plan")]
    [InlineData("Host=db;Options=-c statement_timeout=5s", "-c plan_cache_mode=force_generic_plan -c statement_timeout=5s")]
    [InlineData("Host=db;Options='-c plan_cache_mode=auto'", "-c plan_cache_mode=force_generic_plan -c plan_cache_mode=auto")]
    public void Generic_plans_come_before_the_operators_own_server_options_so_that_theirs_win(string connectionString, string options)
    {
        var generic = new NpgsqlConnectionStringBuilder(PostgresConnectionString.GenericPlans(connectionString));

        Assert.Equal(options, generic.Options);
        Assert.Equal(32, generic.MaxAutoPrepare);
    }
}
