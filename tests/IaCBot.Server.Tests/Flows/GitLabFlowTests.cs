using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Fakes.GitLab;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// What only GitLab does in the PR flow: its note Markdown and status words, retried notes, its own notes and
/// <c>X-Gitlab-Event-UUID</c> redeliveries. The flow every host shares is <see cref="HostFlowTests"/>.
/// </summary>
public sealed class GitLabFlowTests : ServerTest, IDisposable
{
    private const string Project = "acme/platform/infra";
    private const string Secret = "gitlab-webhook-secret";

    private readonly FakeGitLab _gitlab = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["server:repo_allowlist:1"] = $"{_gitlab.Host}/acme/*",
        ["gitlab:url"] = _gitlab.Url,
        ["gitlab:token"] = _gitlab.Token,
        ["gitlab:webhook_secret"] = Secret,
        ["gitlab:user"] = FakeGitLab.BotUsername,
    };

    [Fact]
    public async Task The_plan_note_folds_its_output_and_the_status_runs_before_it_succeeds_in_gitlab_s_words()
    {
        var mr = OpenMergeRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, mr, "open", Author));

        var note = await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.Contains("<details>", note.Body, StringComparison.Ordinal);
        var status = await _gitlab.WaitForStatusAsync(mr.HeadSha, s => s.Context == StatusContexts.Plan && s.State == "success");
        Assert.Contains(_gitlab.Statuses(mr.HeadSha), s => s.Context == StatusContexts.Plan && s.State == "running");
        Assert.NotEmpty(status.Description);
    }

    [Fact]
    public async Task A_note_gitlab_fails_to_take_is_posted_again_and_not_lost()
    {
        var mr = OpenMergeRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        _gitlab.FailNext("POST", "/merge_requests/1/notes", 500, times: 2);

        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, mr, "open", Author));

        await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.True(_gitlab.RequestCount("POST", "/merge_requests/1/notes") >= 3);
        Assert.Single(_gitlab.Notes(mr), c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bot_s_own_notes_and_a_redelivery_run_nothing()
    {
        var mr = await PlannedMergeRequestAsync(1);
        var plans = TerraformRuns.Count(r => r.Command == "plan");

        using var own = await App.Client.SendAsync(
            GitLabWebhooks.Delivery("Note Hook", GitLabWebhooks.Note(_gitlab, mr, FakeGitLab.BotUsername, "iacbot plan"), Secret));
        Assert.Contains("ignored", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var note = GitLabWebhooks.Note(_gitlab, mr, Author, "iacbot plan", noteId: 77);
        await DeliverAsync("Note Hook", note, "7c5b2d0e-0000-4000-8000-000000000001");
        using var redelivery = await App.Client.SendAsync(GitLabWebhooks.Delivery("Note Hook", note, Secret, "7c5b2d0e-0000-4000-8000-000000000001"));
        Assert.Contains("duplicate", await redelivery.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("Ran plan", StringComparison.Ordinal) && c.Id != _gitlab.Notes(mr)[0].Id);
        Assert.Equal(plans + 1, TerraformRuns.Count(r => r.Command == "plan"));
    }

    /// <summary>xUnit calls this after <see cref="ServerTest.DisposeAsync"/> has stopped the server.</summary>
    public void Dispose() => _gitlab.Dispose();

    private FakeMergeRequest OpenMergeRequest(int iid, IReadOnlyDictionary<string, string?> files, string author = Author)
    {
        var branch = $"change-{iid}";
        var sha = Repo.Commit(branch, files, $"Change {iid}");
        var mr = _gitlab.AddMergeRequest(Project, iid, author, sha, branch, Repo.CloneUrl);
        mr.Files.AddRange(files.Keys);
        return mr;
    }

    private async Task<FakeMergeRequest> PlannedMergeRequestAsync(int iid)
    {
        var mr = OpenMergeRequest(iid, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, mr, "open", Author));
        await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        return mr;
    }

    private async Task DeliverAsync(string eventName, string body, string? eventUuid = null)
    {
        using var response = await App.Client.SendAsync(GitLabWebhooks.Delivery(eventName, body, Secret, eventUuid));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains("queued", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
