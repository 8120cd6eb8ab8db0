using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;
using IaCBot.Infrastructure.Processes;

namespace IaCBot.Infrastructure.Tests.Processes;

public sealed class CliWrapProcessRunnerTests
{
    private const string ServerToken = "ghs_servertoken123456";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private readonly CliWrapProcessRunner _runner = new(TimeProvider.System, killGrace: TimeSpan.FromSeconds(2), new Redactor([ServerToken]));

    [Fact]
    public async Task The_exit_code_and_both_output_streams_are_returned()
    {
        var result = await RunShellAsync("echo to-stdout; echo to-stderr >&2; exit 3", Generous);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Contains("to-stdout\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("to-stderr\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_reach_the_program_as_they_are_without_a_shell_reading_them()
    {
        var spec = new ProcessSpec("printf", ["%s|", "$(id)", "a b", "; rm -rf /", "`x`"], Path.GetTempPath(), Generous);

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        Assert.Equal("$(id)|a b|; rm -rf /|`x`|\n", result.Output);
    }

    [Fact]
    public async Task Secrets_are_masked_in_the_output()
    {
        var spec = new ProcessSpec("echo", ["token=ghp_abcdefghijklmnop"], Path.GetTempPath(), Generous, Secrets: ["ghp_abcdefghijklmnop"]);

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        Assert.Equal("token=***\n", result.Output);
    }

    [Fact]
    public async Task The_servers_secrets_are_masked_in_any_programs_output_in_every_form_they_travel_in()
    {
        var header = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("x-access-token:" + ServerToken));
        var script = $"echo plain {ServerToken}; echo header {header}; echo url https://x/{Uri.EscapeDataString("/" + ServerToken)}";

        var result = await RunShellAsync(script, Generous);

        Assert.Equal("plain ***\nheader ***\nurl https://x/%2F***\n", result.Output);
    }

    [Fact]
    public async Task A_secret_printed_across_lines_is_masked_as_a_whole()
    {
        var runner = new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(2), new Redactor(["-----BEGIN KEY-----\nabc\n-----END KEY-----"]));

        var result = await runner.RunAsync(
            new ProcessSpec("printf", ["key:\n-----BEGIN KEY-----\nabc\n-----END KEY-----\ndone"], Path.GetTempPath(), Generous), CancellationToken.None);

        Assert.Equal("key:\n***\ndone\n", result.Output);
    }

    [Fact]
    public async Task Output_wanted_as_a_value_keeps_its_secrets()
    {
        var spec = new ProcessSpec("echo", [ServerToken], Path.GetTempPath(), Generous, KeepSecrets: true);

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        Assert.Equal(ServerToken + "\n", result.Output);
    }

    [Fact]
    public async Task Environment_variables_are_set_and_removed()
    {
        Environment.SetEnvironmentVariable("IACBOT_TEST_REMOVED", "present");
        var spec = new ProcessSpec(
            "sh", ["-c", "echo \"set=$IACBOT_TEST_SET removed=${IACBOT_TEST_REMOVED:-gone}\""], Path.GetTempPath(), Generous,
            new Dictionary<string, string?> { ["IACBOT_TEST_SET"] = "yes", ["IACBOT_TEST_REMOVED"] = null });

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        Assert.Equal("set=yes removed=gone\n", result.Output);
    }

    [Fact]
    public async Task A_program_that_does_not_exist_is_reported_not_thrown()
    {
        var spec = new ProcessSpec("no-such-terraform-binary", ["version"], Path.GetTempPath(), Generous);

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("Could not start `no-such-terraform-binary`", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_past_its_timeout_is_stopped_and_reported_as_timed_out()
    {
        var result = await RunShellAsync("echo started; sleep 300", TimeSpan.FromMilliseconds(500));

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.Contains("started", result.Output, StringComparison.Ordinal);
        Assert.Contains("time limit", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_ends_the_children_the_program_left_running()
    {
        // Long enough for the shell to start its child even on a loaded machine.
        var result = await RunShellAsync("sleep 300 & echo child=$!; wait", TimeSpan.FromSeconds(3));

        Assert.True(result.TimedOut);
        var child = int.Parse(result.Output.Split('\n').Single(l => l.StartsWith("child=", StringComparison.Ordinal))["child=".Length..]);
        Assert.False(IsRunning(child), $"the background child {child} is still running");
    }

    [Fact]
    public async Task A_program_that_ignores_the_interrupt_is_killed_after_the_grace_period()
    {
        var result = await RunShellAsync("trap '' INT; echo ready; while true; do sleep 1; done", TimeSpan.FromMilliseconds(300));

        Assert.True(result.TimedOut);
    }

    [Fact]
    public async Task Output_past_the_limit_keeps_its_tail()
    {
        var runner = new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(2), Redactor.None, maxOutputChars: 1000);

        var result = await runner.RunAsync(new ProcessSpec("seq", ["1", "5000"], Path.GetTempPath(), Generous), CancellationToken.None);

        Assert.True(result.OutputTruncated);
        Assert.EndsWith("4999\n5000\n", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n1\n", "\n" + result.Output, StringComparison.Ordinal);
        Assert.True(result.Output.Length <= 1000);
    }

    private Task<ProcessResult> RunShellAsync(string script, TimeSpan timeout) =>
        _runner.RunAsync(new ProcessSpec("sh", ["-c", script], Path.GetTempPath(), timeout), CancellationToken.None);

    private static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
