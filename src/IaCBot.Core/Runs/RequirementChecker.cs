using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>
/// Checks a project's plan, apply or import requirements against the PR as the host sees it now. Returns the
/// sentences of the requirements that are not met; none means the command may go ahead.
/// </summary>
/// <seealso href="https://www.runatlantis.io/docs/command-requirements"/>
public sealed class RequirementChecker(IVcsClient vcs, Git.IWorkingDirectories checkouts)
{
    // Only these review states change a reviewer's verdict; a later plain comment does not undo an approval,
    // just as on GitHub itself.
    private static readonly HashSet<string> VerdictStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "APPROVED", "CHANGES_REQUESTED", "DISMISSED",
    };

    private static readonly HashSet<string> MergeableStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "clean", "unstable", "has_hooks",
    };

    private IReadOnlyList<Review>? _reviews;

    public async Task<IReadOnlyList<string>> UnmetAsync(
        PullRequestInfo pull, IReadOnlyList<string> requirements, CancellationToken cancellationToken)
    {
        var unmet = new List<string>();
        foreach (var requirement in requirements.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var problem = requirement.ToLowerInvariant() switch
            {
                "approved" => await IsApprovedAsync(pull, cancellationToken)
                    ? null
                    : "It must be approved by someone other than its author.",
                "mergeable" => IsMergeable(pull)
                    ? null
                    : $"It must be mergeable, and {pull.Ref.Repo.Kind} says it is not (state: `{pull.MergeableState ?? "unknown"}`).",
                "undiverged" => await IsUndivergedAsync(pull, cancellationToken)
                    ? null
                    : $"It must include the latest commit of `{pull.BaseBranch}`: merge or rebase it onto `{pull.BaseBranch}` first.",
                _ => $"The requirement `{requirement}` is not known, so the command is refused to be safe.",
            };
            if (problem is not null)
            {
                unmet.Add(problem);
            }
        }

        return unmet;
    }

    /// <summary>Approved when some reviewer other than the author has APPROVED as their latest verdict.</summary>
    public static bool IsApproved(IReadOnlyList<Review> reviews, string author) =>
        reviews
            .Where(r => VerdictStates.Contains(r.State) && !string.Equals(r.User, author, StringComparison.OrdinalIgnoreCase))
            .Select((review, index) => (review, index))
            .GroupBy(r => r.review.User, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(r => r.review.SubmittedAt).ThenBy(r => r.index).Last().review)
            .Any(r => string.Equals(r.State, "APPROVED", StringComparison.OrdinalIgnoreCase));

    public static bool IsMergeable(PullRequestInfo pull) =>
        pull.Mergeable == true && (pull.MergeableState is null || MergeableStates.Contains(pull.MergeableState));

    private bool? _undiverged;

    private async Task<bool> IsUndivergedAsync(PullRequestInfo pull, CancellationToken cancellationToken) =>
        _undiverged ??= await checkouts.IsUndivergedAsync(pull, cancellationToken);

    private async Task<bool> IsApprovedAsync(PullRequestInfo pull, CancellationToken cancellationToken)
    {
        _reviews ??= await vcs.ListReviewsAsync(pull.Ref, cancellationToken);
        return IsApproved(_reviews, pull.Author);
    }
}
