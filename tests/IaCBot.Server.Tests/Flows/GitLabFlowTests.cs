using System.Net;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Fakes.GitLab;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// The whole PR flow on GitLab: the server, configured for both GitHub and a GitLab instance, takes GitLab's
/// webhooks and answers through its API v4 (the fake), for a project in a nested group.
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
    public async Task An_opened_merge_request_is_planned_with_a_note_and_a_plan_status()
    {
        var mr = OpenMergeRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, mr, "open", Author));

        var note = await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.Contains("Plan: 1 to add", note.Body, StringComparison.Ordinal);
        Assert.Contains("<details>", note.Body, StringComparison.Ordinal);
        Assert.Equal(FakeGitLab.BotUsername, note.User);
        var status = await _gitlab.WaitForStatusAsync(mr.HeadSha, s => s.Context == StatusContexts.Plan && s.State == "success");
        Assert.Contains(_gitlab.Statuses(mr.HeadSha), s => s.Context == StatusContexts.Plan && s.State == "running");
        Assert.NotEmpty(status.Description);
    }

    [Fact]
    public async Task A_second_merge_request_on_a_locked_directory_is_told_the_holder_as_gitlab_writes_it()
    {
        var first = OpenMergeRequest(1, new Dictionary<string, string?> { ["envs/prod/main.tf"] = NullResource("a") });
        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, first, "open", Author));
        await _gitlab.WaitForCommentAsync(first, c => c.Body.Contains("Ran plan", StringComparison.Ordinal));

        var second = OpenMergeRequest(2, new Dictionary<string, string?> { ["envs/prod/main.tf"] = NullResource("b") }, Reviewer);
        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, second, "open", Reviewer));

        var note = await _gitlab.WaitForCommentAsync(second, c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.Contains("!1 holds the lock", note.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("#1", note.Body, StringComparison.Ordinal);
        await _gitlab.WaitForStatusAsync(second.HeadSha, s => s.Context == StatusContexts.Plan && s.State == "failed");
    }

    [Fact]
    public async Task An_approved_merge_request_is_applied_on_an_atlantis_apply_note()
    {
        UseServerConfig("repos:\n- id: /.*/\n  apply_requirements: [approved]\n");
        var mr = await PlannedMergeRequestAsync(1);

        await DeliverAsync("Note Hook", GitLabWebhooks.Note(_gitlab, mr, Author, "atlantis apply"));
        var refused = await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("Ran apply", StringComparison.Ordinal));
        Assert.Contains("approved by someone other than its author", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");

        mr.Approve(Reviewer);
        await DeliverAsync("Note Hook", GitLabWebhooks.Note(_gitlab, mr, Author, "iacbot apply"));

        var applied = await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("Apply complete!", StringComparison.Ordinal));
        Assert.Contains("1 applied", applied.Body, StringComparison.Ordinal);
        await _gitlab.WaitForStatusAsync(mr.HeadSha, s => s.Context == StatusContexts.Apply && s.State == "success");
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task Unlock_frees_the_directory_for_another_merge_request()
    {
        var first = await PlannedMergeRequestAsync(1);

        await DeliverAsync("Note Hook", GitLabWebhooks.Note(_gitlab, first, Author, "iacbot unlock"));
        await _gitlab.WaitForCommentAsync(first, c => c.Body.Contains("`app`", StringComparison.Ordinal) && !c.Body.Contains("Ran plan", StringComparison.Ordinal));

        var second = OpenMergeRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") }, Reviewer);
        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, second, "open", Reviewer));
        var note = await _gitlab.WaitForCommentAsync(second, c => c.Body.Contains("Ran plan", StringComparison.Ordinal));
        Assert.Contains("Plan: 1 to add", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_frees_the_locks_and_deletes_the_checkout()
    {
        var mr = await PlannedMergeRequestAsync(1);
        var checkout = Path.Combine(DataDir, "repos", _gitlab.Host.Replace(':', '_'), "acme", "platform", "infra", "1");
        Assert.True(Directory.Exists(checkout));

        mr.Merge();
        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, mr, "merge", Reviewer));

        await _gitlab.WaitForCommentAsync(mr, c => c.Body.Contains("released", StringComparison.Ordinal));
        Assert.False(Directory.Exists(checkout));
        var next = OpenMergeRequest(2, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });
        await DeliverAsync("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, next, "open", Author));
        Assert.Contains("Plan: 1 to add", (await _gitlab.WaitForCommentAsync(next, c => c.Body.Contains("Ran plan", StringComparison.Ordinal))).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_with_a_wrong_secret_token_is_refused_and_nothing_is_queued()
    {
        var mr = OpenMergeRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        using var response = await App.Client.SendAsync(
            GitLabWebhooks.Delivery("Merge Request Hook", GitLabWebhooks.MergeRequest(_gitlab, mr, "open", Author), "not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var again = await App.Client.SendAsync(GitLabWebhooks.Delivery("Note Hook", GitLabWebhooks.Note(_gitlab, mr, Author, "iacbot plan"), token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(0, _gitlab.RequestCount("*", "/"));
        Assert.Empty(TerraformRuns);
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
