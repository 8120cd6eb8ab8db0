using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;
using IaCBot.Infrastructure.Processes;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Infrastructure.Tests.Processes;

public sealed class CliWrapProcessRunnerTests : IDisposable
{
    private const string ServerToken = "ghs_servertoken123456";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private readonly CliWrapProcessRunner _runner = new(TimeProvider.System, killGrace: TimeSpan.FromSeconds(2), new Redactor([ServerToken]));
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-process-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

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
    public async Task A_program_does_not_inherit_the_servers_own_settings_but_gets_what_its_spec_sets()
    {
        Environment.SetEnvironmentVariable("IACBOT_GITHUB__TOKEN_FOR_RUNNER_TEST", "inherited-value-1234");
        Environment.SetEnvironmentVariable("RUNNER_TEST_OTHER_VARIABLE", "other-value-5678");
        try
        {
            var spec = new ProcessSpec("env", [], _dir, Generous, new Dictionary<string, string?> { ["IACBOT_SET_ON_PURPOSE"] = "given" });

            var result = await _runner.RunAsync(spec, CancellationToken.None);

            Assert.DoesNotContain("inherited-value-1234", result.Output, StringComparison.Ordinal);
            Assert.Contains("RUNNER_TEST_OTHER_VARIABLE=other-value-5678", result.Output, StringComparison.Ordinal);
            Assert.Contains("IACBOT_SET_ON_PURPOSE=given", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IACBOT_GITHUB__TOKEN_FOR_RUNNER_TEST", null);
            Environment.SetEnvironmentVariable("RUNNER_TEST_OTHER_VARIABLE", null);
        }
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
        // SIGKILL is delivered asynchronously: on a busy machine the child may show as running for a moment.
        Assert.True(await EventuallyAsync(() => !IsRunning(child)), $"the background child {child} is still running");
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

    [Fact]
    public async Task What_was_left_out_is_counted_so_kept_and_omitted_lines_add_up_to_the_whole()
    {
        var runner = new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(2), Redactor.None, maxOutputChars: 1000);

        var result = await runner.RunAsync(new ProcessSpec("seq", ["1", "5000"], Path.GetTempPath(), Generous), CancellationToken.None);

        Assert.NotNull(result.Omitted);
        Assert.Equal(5000, result.Omitted.Lines + result.Output.Count(c => c == '\n'));
        Assert.StartsWith($"{result.Omitted.Lines + 1}\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hundred_megabytes_of_output_are_all_in_the_log_file_and_only_their_end_in_memory()
    {
        // seq 1 25000000 prints 213,888,897 bytes: 25 million lines.
        const int Lines = 25_000_000;
        const int Kept = 1024 * 1024;
        var log = Path.Combine(_dir, "run", "app.default.log");
        var runner = new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(2), Redactor.None, Kept);

        var result = await runner.RunAsync(new ProcessSpec("seq", ["1", $"{Lines}"], _dir, TimeSpan.FromMinutes(5), LogFile: log), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(log, result.LogFile);
        Assert.InRange(result.Output.Length, Kept - 10, Kept);
        Assert.EndsWith("24999999\n25000000\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(Lines, result.Omitted!.Lines + result.Output.Count(c => c == '\n'));
        await AssertLogHoldsSeqAsync(log, Lines);
    }

    [Fact]
    public async Task A_line_of_fifty_megabytes_without_a_newline_is_logged_whole_and_kept_only_in_part()
    {
        var log = Path.Combine(_dir, "long-line.log");
        var runner = new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(2), Redactor.None, maxOutputChars: 100_000);

        var result = await runner.RunAsync(new ProcessSpec("printf", ["%50000000s", "end"], _dir, Generous, LogFile: log), CancellationToken.None);

        Assert.Equal(100_000, result.Output.Length);
        Assert.EndsWith(" end\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(50_000_001 - 100_000, result.Omitted!.Chars);
        var lines = await File.ReadAllLinesAsync(log);
        Assert.Equal(new string(' ', 49_999_997) + "end", lines[1]);
    }

    [Fact]
    public async Task Secrets_are_masked_in_the_log_and_in_a_stdout_file_even_inside_a_line_longer_than_any_buffer()
    {
        const string Secret = "ghp_0123456789abcdefghij";
        var input = Path.Combine(_dir, "input.txt");
        var line = string.Concat(Enumerable.Range(0, 20_000).Select(i => new string('x', i % 97) + Secret));
        await File.WriteAllTextAsync(input, line);
        var log = Path.Combine(_dir, "out.log");
        var stdout = Path.Combine(_dir, "show.json");

        var logged = await _runner.RunAsync(new ProcessSpec("cat", [input], _dir, Generous, Secrets: [Secret], LogFile: log), CancellationToken.None);
        var written = await _runner.RunAsync(new ProcessSpec("cat", [input], _dir, Generous, Secrets: [Secret], StdoutFile: stdout), CancellationToken.None);

        var masked = line.Replace(Secret, "***", StringComparison.Ordinal) + "\n";
        Assert.Equal(masked, (await File.ReadAllLinesAsync(log))[1] + "\n");
        Assert.DoesNotContain(Secret, logged.Output, StringComparison.Ordinal);
        Assert.Equal(masked, await File.ReadAllTextAsync(stdout));
        Assert.Equal("", written.Output);
    }

    [Fact]
    public async Task Each_run_appends_to_the_log_after_a_line_naming_its_command()
    {
        var log = Path.Combine(_dir, "project.log");

        await _runner.RunAsync(new ProcessSpec("echo", ["first run"], _dir, Generous, LogFile: log), CancellationToken.None);
        await _runner.RunAsync(new ProcessSpec("sh", ["-c", "echo second run >&2; exit 2"], _dir, Generous, LogFile: log), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(log);
        Assert.Equal("$ echo 'first run'", lines[0]);
        Assert.Equal("first run", lines[1]);
        Assert.StartsWith("[iacbot] Exit code 0 after ", lines[2], StringComparison.Ordinal);
        Assert.Equal("$ sh -c 'echo second run >&2; exit 2'", lines[3]);
        Assert.Equal("second run", lines[4]);
        Assert.StartsWith("[iacbot] Exit code 2 after ", lines[5], StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log));
        }
    }

    [Fact]
    public async Task The_log_is_flushed_while_the_program_still_runs_so_it_can_be_followed()
    {
        var log = Path.Combine(_dir, "live.log");
        var time = new FakeTimeProvider();
        var runner = new CliWrapProcessRunner(time, killGrace: TimeSpan.FromSeconds(2), Redactor.None);
        using var stop = new CancellationTokenSource();
        var spec = new ProcessSpec("sh", ["-c", "echo planning...; sleep 60"], _dir, TimeSpan.FromHours(1), LogFile: log);

        var running = runner.RunAsync(spec, stop.Token);
        var seen = await EventuallyAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return ReadShared(log).Contains("planning...\n", StringComparison.Ordinal);
        });
        await stop.CancelAsync();

        Assert.True(seen, "the output never reached the log while the program ran");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private static async Task AssertLogHoldsSeqAsync(string log, int count)
    {
        using var reader = new StreamReader(log);
        Assert.Equal($"$ seq 1 {count}", await reader.ReadLineAsync());
        for (var expected = 1; expected <= count; expected++)
        {
            var line = await reader.ReadLineAsync();
            if (line != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Assert.Fail($"line {expected + 1} of the log is '{line}'");
            }
        }

        Assert.StartsWith("[iacbot] Exit code 0", await reader.ReadLineAsync(), StringComparison.Ordinal);
    }

    /// <summary>Checks <paramref name="condition"/> until it holds or half a minute has passed (a deadline, not a timing claim).</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private Task<ProcessResult> RunShellAsync(string script, TimeSpan timeout) =>
        _runner.RunAsync(new ProcessSpec("sh", ["-c", script], Path.GetTempPath(), timeout), CancellationToken.None);

    private static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
