using IaCBot.Server.Configuration;
using IaCBot.Server.Jobs;
using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Tests.Jobs;

public sealed class ShutdownTimeoutsTests
{
    [Fact]
    public void The_workers_and_the_host_wait_past_the_grace_long_enough_for_terraform_to_be_interrupted_and_killed()
    {
        var timeouts = ShutdownTimeouts.Read(Settings(("server:shutdown_grace", "90s"), ("terraform:kill_grace", "20s")));

        Assert.Equal(TimeSpan.FromSeconds(90), timeouts.Grace);
        Assert.True(timeouts.WorkersAbandonedAfter > timeouts.Grace + timeouts.KillGrace);
        Assert.True(timeouts.HostGivesUpAfter > timeouts.WorkersAbandonedAfter);
    }

    [Fact]
    public void Unset_or_bad_values_are_the_defaults_and_left_for_the_settings_check_to_report()
    {
        var timeouts = ShutdownTimeouts.Read(Settings(("server:shutdown_grace", "soon")));

        Assert.Equal(new ShutdownTimeouts(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)), timeouts);
        var check = new SettingsValidator().Validate(null, new ServerOptions { RepoAllowlist = ["*"], DataDir = Path.GetTempPath(), ShutdownGrace = "soon" });
        Assert.Contains("server:shutdown_grace must be a positive duration", check.FailureMessage, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
