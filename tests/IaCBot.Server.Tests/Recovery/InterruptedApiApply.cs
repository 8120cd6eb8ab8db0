using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using IaCBot.Server.Tests.Api;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Recovery;

/// <summary>
/// An apply through the admin API, without a pull request, that a killed server leaves with the lock of <c>app</c>
/// held, beside a pull request that holds the lock of <c>db</c>; and what the recovery must leave behind.
/// </summary>
internal static class InterruptedApiApply
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);
    private static readonly string[] AppDir = ["app"];

    /// <summary>The main branch with both projects, <c>app</c>'s apply slow enough to be killed in.</summary>
    public static Dictionary<string, string?> MainFiles(string appResource, string dbResource) => new()
    {
        ["app/main.tf"] = "# fake-terraform: sleep apply 30\n" + appResource,
        ["db/main.tf"] = dbResource,
    };

    /// <summary>Queues the apply of <c>app</c> at main and returns its job id once terraform apply runs.</summary>
    public static async Task<string> StartAsync(ServerProcess server) => (await StartOnAnyAsync(server, server.DataDir)).Job;

    /// <summary>
    /// Queues the apply of <c>app</c> at main through <paramref name="server"/> and returns its job id once terraform
    /// apply runs under one of <paramref name="dataDirs"/>, with that data_dir and the apply's start.
    /// </summary>
    public static async Task<(string Job, string DataDir, TerraformCalls.Run Apply)> StartOnAnyAsync(ServerProcess server, params string[] dataDirs)
    {
        var response = await Api(server).SendAsync(HttpMethod.Post, "/api/apply", new { repository = "github.com/acme/infra", @ref = "main", paths = AppDir });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["jobs"]![0]!["job"]!.GetValue<string>();
        var (dataDir, apply) = await TerraformStarts.FirstUnderAnyAsync("apply", dataDirs);
        var locks = await LocksAsync(server);
        Assert.Contains(locks, l => l.Dir == "app" && l.Pull == 0 && l.User == $"api (run {job})");
        return (job, dataDir, apply);
    }

    /// <summary>Waits until the run's record says the recovery dealt with it, then checks what it left.</summary>
    public static async Task AssertDealtWithAsync(ServerProcess server, string job)
    {
        var run = await RecoveredRunAsync(server, job);
        Assert.Equal("interrupted", run["outcome"]!.GetValue<string>());
        Assert.Contains("Locks it held, released by the recovery:\n* dir: `app`", run["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        var held = Assert.Single(await LocksAsync(server));
        Assert.Equal(("db", 1), (held.Dir, held.Pull));
    }

    private static async Task<JsonNode> RecoveredRunAsync(ServerProcess server, string job)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var run = await Api(server).GetJsonAsync($"/api/runs/{job}");
            if (run["reply"]?.GetValue<string>() is { } reply && reply.Contains("released by the recovery", StringComparison.Ordinal))
            {
                return run;
            }

            Assert.True(waited.Elapsed < Cap, $"The recovery never dealt with run {job}: {run.ToJsonString()}\n{server.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task<List<(string Dir, int Pull, string User)>> LocksAsync(ServerProcess server) =>
        (await Api(server).GetJsonAsync("/api/locks")).AsArray()
            .Select(l => (l!["dir"]!.GetValue<string>(), l["pull"]!.GetValue<int>(), l["user"]!.GetValue<string>()))
            .ToList();

    private static AdminApiClient Api(ServerProcess server) => new(server.Client, ServerProcess.ApiSecret);
}
