using System.Diagnostics;
using System.Globalization;
using IaCBot.Core.Storage;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IaCBot.Server.Tests.Flows;

/// <summary>Comments on one PR in quick succession, and many PRs racing for one project.</summary>
public sealed class CommandOrderTests(ITestOutputHelper output) : ServerTest
{
    [Fact]
    public async Task Comments_sent_back_to_back_are_answered_in_the_order_they_were_sent()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["a/main.tf"] = "# fake-terraform: sleep plan 3\n" + NullResource("a"),
            ["b/main.tf"] = NullResource("b"),
        });
        (string Command, string[] Reply)[] sent =
        [
            ("iacbot plan -d a", ["Ran plan", "dir: `a`"]),
            ("iacbot plan -d b", ["Ran plan", "dir: `b`"]),
            ("iacbot apply -d a", ["Ran apply", "dir: `a`"]),
            ("iacbot apply -d b", ["Ran apply", "dir: `b`"]),
            ("iacbot unlock", [":unlock:"]),
        ];

        foreach (var (command, _) in sent)
        {
            await CommentAsync(pr, command);
        }

        await CommentNumberAsync(pr, sent.Length);
        var replies = GitHub.Comments(Owner, RepoName, 1);
        Assert.Equal(sent.Length, replies.Count);
        for (var i = 0; i < sent.Length; i++)
        {
            var body = replies[i].Body;
            Assert.True(
                sent[i].Reply.All(part => body.Contains(part, StringComparison.Ordinal)),
                $"Reply {i + 1} should answer '{sent[i].Command}', but reads:\n{body[..Math.Min(body.Length, 400)]}");
        }

        Assert.Equal(2, TerraformRuns.Count(r => r.Command == "apply"));
    }

    [Fact]
    public async Task Of_fifty_pull_requests_planning_one_project_at_once_one_holds_the_lock_and_the_others_are_told_who()
    {
        const int Count = 50;
        var clock = Stopwatch.StartNew();

        // One commit for all: fifty commits would take longer than the race itself, and each PR is cloned on its own anyway.
        var files = new Dictionary<string, string?> { ["envs/prod/main.tf"] = NullResource("r") };
        var sha = Repo.Commit("change-prod", files, "Change prod");
        var pulls = Enumerable.Range(1, Count).Select(n =>
        {
            var pr = GitHub.AddPullRequest(Owner, RepoName, n, Author, sha, "change-prod", Repo.CloneUrl);
            pr.Files.AddRange(files.Keys);
            return pr;
        }).ToList();
        _ = App.Client;
        var started = clock.Elapsed;

        await Task.WhenAll(pulls.Select(pr => DeliverPullRequestAsync("opened", pr)));
        var delivered = clock.Elapsed;
        var replies = await Task.WhenAll(pulls.Select(pr => CommentContainingAsync(pr, "Ran plan")));

        var locks = await App.Services.GetRequiredService<ILockStore>().ListAsync(CancellationToken.None);
        var holder = Assert.Single(locks).Pull.Number;
        for (var i = 0; i < Count; i++)
        {
            var reply = replies[i].Body;
            if (pulls[i].Number == holder)
            {
                Assert.Contains("Plan: 1 to add", reply, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains($"#{holder} holds the lock", reply, StringComparison.Ordinal);
            }
        }

        Assert.Single(TerraformRuns, r => r.Command == "plan");
        var holderCheckout = Path.Combine(DataDir, "repos", "github.com", Owner, RepoName, holder.ToString(CultureInfo.InvariantCulture)) + Path.DirectorySeparatorChar;
        Assert.All(TerraformRuns, r => Assert.StartsWith(holderCheckout, r.Cwd, StringComparison.Ordinal));
        output.WriteLine($"{Count} pull requests: server up at {started.TotalSeconds:0.0} s, "
            + $"delivered at {delivered.TotalSeconds:0.0} s, all answered at {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
