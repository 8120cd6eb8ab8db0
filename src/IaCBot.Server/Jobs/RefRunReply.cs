namespace IaCBot.Server.Jobs;

/// <summary>
/// The report of a run without a pull request is the one a pull request gets, kept on the run page only. Its hints
/// ("to apply this plan, comment ...") are about a pull request's saved plans and locks, which such a run has not.
/// </summary>
internal static class RefRunReply
{
    private static readonly string[] PullRequestHints = ["* To apply", "* To discard", "Once it is fixed, comment"];

    public static string WithoutPullRequestHints(string markdown) =>
        string.Join('\n', markdown.Split('\n').Where(line => !PullRequestHints.Any(hint => line.StartsWith(hint, StringComparison.Ordinal))));
}
