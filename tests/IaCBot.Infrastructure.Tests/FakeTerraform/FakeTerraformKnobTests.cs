using System.Text.Json;
using System.Text.RegularExpressions;

namespace IaCBot.Infrastructure.Tests.FakeTerraform;

/// <summary>The <c># fake-terraform:</c> knobs that let server tests make terraform fail, hang or talk a lot.</summary>
public sealed class FakeTerraformKnobTests : IDisposable
{
    private const string WebServer = "resource \"aws_instance\" \"web\" {\n  ami = \"ami-0123456789\"\n}\n";

    private readonly TerraformWorkdir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Fail_plan_prints_a_framed_error_on_stderr_and_exits_1()
    {
        await InitAsync("# fake-terraform: fail plan\n" + WebServer);

        var plan = await _dir.RunAsync("plan", "-input=false");

        Assert.Equal(1, plan.ExitCode);
        Assert.Equal(
            "╷\n│ Error: Conflicting configuration arguments\n│ \n│   with aws_instance.web,\n│   on main.tf line 3, in resource \"aws_instance\" \"web\":\n│    3:   ami = \"ami-0123456789\"\n│ \n│ \"ami\": conflicts with ami_prefix\n╵\n",
            plan.PlainStderr);
    }

    [Fact]
    public async Task Fail_apply_stops_after_the_first_resource_starts_and_leaves_the_state_alone()
    {
        await InitAsync("# fake-terraform: fail apply\n" + WebServer);
        await _dir.RunAsync("plan", "-out", "plan.tfplan");

        var apply = await _dir.RunAsync("apply", "-no-color", "plan.tfplan");

        Assert.Equal(1, apply.ExitCode);
        Assert.Equal("aws_instance.web: Creating...\n", apply.Stdout);
        Assert.StartsWith("\nError: Provider produced inconsistent result after apply\n", apply.Stderr, StringComparison.Ordinal);
        Assert.False(_dir.Exists("terraform.tfstate"));
    }

    [Fact]
    public async Task Extra_output_adds_that_many_long_attribute_lines_to_the_plan()
    {
        await InitAsync("# fake-terraform: extra-output plan 250\n" + WebServer);

        var plan = await _dir.RunAsync("plan", "-no-color");

        Assert.Equal(250, Regex.Count(plan.Stdout, @"^      \+ tag_\d+ += ""arn:aws:iam::[^""]{80,}""$", RegexOptions.Multiline));
        Assert.Contains("Plan: 2 to add, 0 to change, 0 to destroy.", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_output_appears_in_the_plan_output()
    {
        await InitAsync("# fake-terraform: secret-output plan ghp_notARealToken1234567890\n" + WebServer);

        var plan = await _dir.RunAsync("plan", "-no-color");

        Assert.Contains("ghp_notARealToken1234567890", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeping_plan_can_be_killed_and_the_log_shows_it_started_but_never_ended()
    {
        await InitAsync("# fake-terraform: sleep plan 120\n" + WebServer);
        var log = Path.Combine(_dir.Path, "invocations.jsonl");
        _dir.Environment["FAKE_TERRAFORM_LOG"] = log;

        using var process = _dir.Start("plan", "-input=false");

        // The file exists as soon as the fake opens it; the start line is there once a whole line is.
        while (!HasWholeLine(log))
        {
            await Task.Delay(10);
        }

        process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(["start"], Phases(log));
    }

    [Fact]
    public async Task A_plan_waiting_on_a_gate_file_holds_until_the_file_appears_then_finishes()
    {
        var gate = System.IO.Path.Combine(_dir.Path, "release-plan");
        await InitAsync($"# fake-terraform: wait plan {gate}\n" + WebServer);
        var log = System.IO.Path.Combine(_dir.Path, "invocations.jsonl");
        _dir.Environment["FAKE_TERRAFORM_LOG"] = log;

        using var process = _dir.Start("plan", "-input=false", "-no-color");
        while (!HasWholeLine(log))
        {
            await Task.Delay(10);
        }

        var heldPhases = Phases(log);
        var heldRunning = !process.HasExited;
        File.WriteAllText(gate, "");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);

        Assert.Equal(["start"], heldPhases);
        Assert.True(heldRunning);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", output, StringComparison.Ordinal);
        Assert.Equal(["start", "end"], Phases(log));
    }

    [Fact]
    public async Task The_invocation_log_records_arguments_directory_environment_and_exit_code()
    {
        await InitAsync(WebServer);
        var log = Path.Combine(_dir.Path, "invocations.jsonl");
        _dir.Environment["FAKE_TERRAFORM_LOG"] = log;
        _dir.Environment["TF_IN_AUTOMATION"] = "true";

        await _dir.RunAsync("plan", "-detailed-exitcode");

        var end = JsonDocument.Parse(File.ReadAllLines(log)[1]).RootElement;
        Assert.Equal(["start", "end"], Phases(log));
        Assert.Equal(["plan", "-detailed-exitcode"], end.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(_dir.Path, end.GetProperty("cwd").GetString());
        Assert.Equal("true", end.GetProperty("env").GetProperty("TF_IN_AUTOMATION").GetString());
        Assert.Equal(JsonValueKind.Null, end.GetProperty("env").GetProperty("TF_WORKSPACE").ValueKind);
        Assert.Equal(2, end.GetProperty("exit").GetInt32());
    }

    private async Task InitAsync(string configuration)
    {
        _dir.Write("main.tf", configuration);
        Assert.Equal(0, (await _dir.RunAsync("init", "-input=false")).ExitCode);
    }

    private static string[] Phases(string log) =>
        [.. File.ReadAllLines(log).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("phase").GetString() ?? "")];

    private static bool HasWholeLine(string path)
    {
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Contains('\n', StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
