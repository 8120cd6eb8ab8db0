using System.Text.Json;
using IaCBot.Core.Access;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Gitea;

/// <summary>Gitea's API and webhook objects to IaCBot's (the server reads webhook payloads with it too).</summary>
public static class GiteaMapping
{
    /// <summary>Gitea's default <c>[repository.pull-request] WORK_IN_PROGRESS_PREFIXES</c>, and Forgejo's draft wording.</summary>
    private static readonly string[] DraftPrefixes = ["WIP:", "[WIP]", "Draft:", "[Draft]"];

    public static PullRequestInfo ToPullRequestInfo(string action, RepoId repo, JsonElement pr)
    {
        var head = Required(action, pr, "head");
        var baseRef = Required(action, pr, "base");
        var headRepo = ObjectField(head, "repo");
        var baseRepo = ObjectField(baseRef, "repo");
        var merged = pr.TryGetProperty("merged", out var m) && m.ValueKind == JsonValueKind.True;
        var state = merged ? PullRequestState.Merged
            : TextField(pr, "state") == "closed" ? PullRequestState.Closed
            : PullRequestState.Open;
        var baseCloneUrl = baseRepo is { } b ? TextField(b, "clone_url") : null;
        return new PullRequestInfo(
            new PullRequestRef(repo, RequiredInt(action, pr, "number")),
            Login(ObjectField(pr, "user")) ?? "",
            RequiredText(action, head, "sha", "head.sha"),
            RequiredText(action, head, "ref", "head.ref"),
            RequiredText(action, baseRef, "ref", "base.ref"),
            (headRepo is { } h ? TextField(h, "clone_url") : null) ?? baseCloneUrl ?? "",
            IsDraft(pr),
            state,
            pr.TryGetProperty("mergeable", out var mg) && mg.ValueKind is JsonValueKind.True or JsonValueKind.False ? mg.GetBoolean() : null,
            null,
            TextField(pr, "html_url") ?? "")
        {
            HeadRepo = HeadRepo(repo, headRepo),
            BaseCloneUrl = baseCloneUrl,
        };
    }

    /// <summary>
    /// Newer Gitea and Forgejo send <c>draft</c>; older ones only mark a work-in-progress PR by its title prefix.
    /// </summary>
    public static bool IsDraft(JsonElement pr)
    {
        if (pr.TryGetProperty("draft", out var draft) && draft.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return draft.GetBoolean();
        }

        var title = TextField(pr, "title")?.TrimStart() ?? "";
        return DraftPrefixes.Any(p => title.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The fork a PR comes from, null for the base repository. Gitea sends <c>head.repo: null</c> once the fork is
    /// deleted; such a PR cannot be shown to come from the base repository, so it counts as a fork.
    /// </summary>
    public static RepoId? HeadRepo(RepoId repo, JsonElement? head)
    {
        if (head is not { } h || Login(ObjectField(h, "owner")) is not { } owner || TextField(h, "name") is not { } name)
        {
            return ForkPolicy.UnknownFork(repo.Host);
        }

        var sameRepo = string.Equals(owner, repo.Owner, StringComparison.OrdinalIgnoreCase)
            && string.Equals(name, repo.Name, StringComparison.OrdinalIgnoreCase);
        return sameRepo ? null : new RepoId(repo.Host, owner, name, VcsKind.Gitea);
    }

    /// <summary>
    /// Gitea's review states in GitHub's words, which the apply requirements read. A pending review (not submitted)
    /// and a review request are no verdict, so they are left out; a dismissed review counts as dismissed whatever it said.
    /// </summary>
    public static Review? ToReview(JsonElement review)
    {
        var state = TextField(review, "state")?.ToUpperInvariant();
        if (state is null or "PENDING" or "REQUEST_REVIEW")
        {
            return null;
        }

        var dismissed = review.TryGetProperty("dismissed", out var d) && d.ValueKind == JsonValueKind.True;
        var word = dismissed ? "DISMISSED" : state switch
        {
            "REQUEST_CHANGES" => "CHANGES_REQUESTED",
            "COMMENT" => "COMMENTED",
            _ => state,
        };
        DateTimeOffset? submitted = review.TryGetProperty("submitted_at", out var at) && at.ValueKind == JsonValueKind.String
            && at.TryGetDateTimeOffset(out var time) ? time : null;
        return new Review(Login(ObjectField(review, "user")) ?? "", word, submitted);
    }

    /// <summary>Gitea's permission names: owner and admin may administer; anything unknown is no access.</summary>
    public static RepoRole ToRepoRole(string? permission) => permission?.ToLowerInvariant() switch
    {
        "owner" or "admin" => RepoRole.Admin,
        "write" => RepoRole.Write,
        "read" => RepoRole.Read,
        _ => RepoRole.None,
    };

    public static string ToStatusState(CommitState state) => state switch
    {
        CommitState.Pending => "pending",
        CommitState.Success => "success",
        CommitState.Failure => "failure",
        _ => "error",
    };

    /// <summary>A user's name: <c>login</c>, or <c>username</c> as older Gitea servers call it.</summary>
    public static string? Login(JsonElement? user) =>
        user is { } u ? TextField(u, "login") ?? TextField(u, "username") : null;

    public static JsonElement? ObjectField(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static string? TextField(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    public static long? NumberField(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    private static JsonElement Required(string action, JsonElement parent, string name) =>
        ObjectField(parent, name) ?? throw GiteaApi.Malformed(action, $"a pull request with '{name}'");

    private static string RequiredText(string action, JsonElement parent, string name, string path) =>
        TextField(parent, name) ?? throw GiteaApi.Malformed(action, $"a pull request with '{path}'");

    private static int RequiredInt(string action, JsonElement parent, string name) =>
        NumberField(parent, name) is { } n and > 0 and <= int.MaxValue ? (int)n : throw GiteaApi.Malformed(action, $"a pull request with '{name}'");
}
