using System.Diagnostics;
using IaCBot.Bench.Server;

namespace IaCBot.Bench.Flow;

/// <summary>
/// One pull request through the real server: its branch is committed to the <see cref="GitRemote"/>, the stub starts
/// serving it, and a signed <c>pull_request</c> <c>opened</c> delivery is sent; the clock runs from sending until the
/// stub has received the plan comment and the <c>iacbot/plan</c> success status.
/// </summary>
internal sealed class PlanFlow(BenchServer server, AnsweringGitHub github, GitRemote remote, string webhookSecret)
{
    public const string PlanStatus = "iacbot/plan";

    public async Task<PlanTimes> RunAsync(int number, IReadOnlyDictionary<string, string> files, TimeSpan cap)
    {
        var branch = $"change-{number}";
        var headSha = await remote.CommitAsync(branch, files);
        var baseSha = await remote.HeadAsync(GitRemote.DefaultBranch);
        var (delivery, pull) = PullRequestPayload.Opened(number, remote, branch, headSha, baseSha, [.. files.Keys]);
        github.Serve(pull);
        var sent = Stopwatch.GetTimestamp();
        await WebhookPoster.PostAsync(server.Address, webhookSecret, "pull_request", delivery);
        var comment = await github.CommentContainingAsync("Ran plan", cap);
        var status = await github.StatusAsync(PlanStatus, "success", cap);
        return new PlanTimes(
            Stopwatch.GetElapsedTime(sent, comment.ReceivedAt),
            Stopwatch.GetElapsedTime(sent, status.ReceivedAt),
            comment);
    }
}
