using IaCBot.Bench.Flow;
using IaCBot.Bench.Reporting;
using IaCBot.Bench.Server;

namespace IaCBot.Bench.Overhead;

/// <summary>
/// The same PR plan two ways in one run: through the real server (a signed pull_request delivery, autoplan, until the
/// stub GitHub has the plan comment and the success status) and through <see cref="DirectScript"/>; the ratio is what
/// IaCBot adds (or, with parallel_plan, saves). Each scenario gets a fresh server, warmed by one untimed PR first.
/// </summary>
internal sealed class OverheadBenchmark(OverheadOptions options, TextWriter output)
{
    private const string Secret = "bench-webhook-secret-0123456789";
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);
    private int _nextPull = 1;

    public async Task<int> RunAsync()
    {
        var started = TimeProvider.System.GetUtcNow();
        var loadBefore = MachineInfo.LoadAverage();
        var work = Directory.CreateTempSubdirectory("iacbot-bench-overhead-").FullName;
        var terraform = FakeTerraformBinary.Path();
        var remote = await GitRemote.CreateAsync(work);
        using var github = new AnsweringGitHub();
        var samples = new List<OverheadSample>();
        foreach (var scenario in options.Scenarios)
        {
            samples.AddRange(await MeasureAsync(scenario, github, remote, terraform, Path.Combine(work, $"server-{_nextPull}")));
        }

        var bareCall = await BareCall.MedianAsync(terraform);
        var text = OverheadReport.Markdown(started, MachineInfo.Read(loadBefore), options, samples, bareCall);
        output.WriteLine(text);
        if (!options.Smoke)
        {
            output.WriteLine($"Written to {Results.Write("overhead", started, text)}.");
        }

        Directory.Delete(work, recursive: true);
        return 0;
    }

    private async Task<List<OverheadSample>> MeasureAsync(PlanScenario scenario, AnsweringGitHub github, GitRemote remote, string terraform, string serverDir)
    {
        Directory.CreateDirectory(serverDir);
        var settings = new ServerSettings(Path.Combine(serverDir, "data"), Secret, PullRequestPayload.Allowlist, github.ApiUrl, "iacbot-bench",
            terraform, OverheadOptions.PoolSize);
        await using var server = await BenchServer.StartAsync(settings, serverDir);
        var flow = new PlanFlow(server, github, remote, Secret);
        output.WriteLine($"{scenario.Name}: server up at {server.Address}; one untimed PR to warm it.");
        var warmUp = _nextPull++;
        await flow.RunAsync(warmUp, new PlanScenario("warm-up", 1, 0, false).Files(warmUp), Cap);
        var samples = new List<OverheadSample>();
        for (var repetition = 1; repetition <= options.Repeat; repetition++)
        {
            var number = _nextPull++;
            var load = MachineInfo.LoadAverage().Split(' ')[0];
            var bot = await flow.RunAsync(number, scenario.Files(number), Cap);
            Check(scenario, number, bot, github);
            var script = await DirectScript.RunAsync(serverDir, remote.CloneUrl, $"change-{number}", scenario.Dirs(number), terraform);
            var sample = new OverheadSample(scenario, repetition, bot.UntilDone, bot.UntilComment, script, load);
            output.WriteLine($"  #{repetition}: IaCBot {sample.IaCBot.TotalSeconds:F2} s, script {sample.Script.Total.TotalSeconds:F2} s, ratio {sample.Ratio:F3}, {sample.RatioWithoutShow:F3} without show (load {load})");
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>The plan comment must report every project; a run that planned less would make a fast, wrong figure.</summary>
    private void Check(PlanScenario scenario, int number, PlanTimes bot, AnsweringGitHub github)
    {
        var missing = scenario.Dirs(number).Where(d => !bot.Comment.Body.Contains(d, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0 || !bot.Comment.Body.Contains($"Ran plan for {scenario.Projects} project", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The plan comment does not report every project (missing: {string.Join(", ", missing)}):\n{bot.Comment.Body}");
        }

        if (github.UnknownCalls.Count > 0)
        {
            output.WriteLine($"  note: the stub answered 404 to calls it does not know: {string.Join(", ", github.UnknownCalls.Distinct())}");
        }
    }
}
