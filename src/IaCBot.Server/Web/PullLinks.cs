using IaCBot.Core.Vcs;

namespace IaCBot.Server.Web;

/// <summary>Where a pull request is on its host, and its page here.</summary>
internal static class PullLinks
{
    public static string OnHost(PullRequestRef pull) => pull.Repo.Kind == VcsKind.GitLab
        ? $"https://{pull.Repo.Host}/{pull.Repo.Owner}/{pull.Repo.Name}/-/merge_requests/{pull.Number}"
        : $"https://{pull.Repo.Host}/{pull.Repo.Owner}/{pull.Repo.Name}/pull/{pull.Number}";

    public static string Here(PullRequestRef pull) => $"/pull?repo={Uri.EscapeDataString(pull.Repo.ToString())}&number={pull.Number}";

    /// <summary>The PR's page here and its link on the host, as table cell content; for a run without a PR, its repository.</summary>
    public static string Cell(PullRequestRef pull) => Core.Runs.RefTarget.IsRefRun(pull)
        ? $"{Html.E(pull.Repo.ToString())} (no pull request)"
        : $"{Html.Link(Here(pull), pull.ToString())} (<a href=\"{Html.E(OnHost(pull))}\" rel=\"noreferrer\">on {Html.E(pull.Repo.Host)}</a>)";
}
