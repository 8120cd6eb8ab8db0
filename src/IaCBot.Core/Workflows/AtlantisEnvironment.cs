using System.Text;

namespace IaCBot.Core.Workflows;

/// <summary>
/// The variables Atlantis gives custom steps, so that workflows written for Atlantis run unchanged.
/// </summary>
/// <seealso href="https://www.runatlantis.io/docs/custom-workflows#custom-run-command"/>
public static class AtlantisEnvironment
{
    public static Dictionary<string, string?> For(StepContext context)
    {
        var pull = context.Pull;
        var baseRepo = pull.Ref.Repo;
        var headRepo = pull.HeadRepo ?? baseRepo;
        return new Dictionary<string, string?>
        {
            ["WORKSPACE"] = context.Project.Workspace,
            ["ATLANTIS_TERRAFORM_VERSION"] = context.Project.TerraformVersion ?? "",
            ["DIR"] = context.ProjectDir,
            ["PLANFILE"] = context.PlanFile,
            ["SHOWFILE"] = context.ShowFile,
            ["BASE_REPO_NAME"] = baseRepo.Name,
            ["BASE_REPO_OWNER"] = baseRepo.Owner,
            ["HEAD_REPO_NAME"] = headRepo.Name,
            ["HEAD_REPO_OWNER"] = headRepo.Owner,
            ["HEAD_BRANCH_NAME"] = pull.HeadBranch,
            ["HEAD_COMMIT"] = pull.HeadSha,
            ["BASE_BRANCH_NAME"] = pull.BaseBranch,
            ["PROJECT_NAME"] = context.Project.Name ?? "",
            ["PULL_NUM"] = pull.Ref.Number.ToString(),
            ["PULL_URL"] = pull.HtmlUrl,
            ["PULL_AUTHOR"] = pull.Author,
            ["REPO_REL_DIR"] = context.Project.Dir,
            ["USER_NAME"] = context.User,
            ["COMMENT_ARGS"] = EscapeCommentArgs(context.CommentArgs),
        };
    }

    /// <summary>
    /// Atlantis' form of the comment's extra arguments: every character escaped with a backslash, arguments
    /// joined by commas (<c>-- -target=x y</c> gives <c>\-\t\a\r\g\e\t\=\x,\y</c>), so a script that passes
    /// them to a shell cannot have them read as shell syntax.
    /// </summary>
    public static string EscapeCommentArgs(IReadOnlyList<string> args)
    {
        var escaped = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                escaped.Append(',');
            }

            foreach (var c in args[i])
            {
                escaped.Append('\\').Append(c);
            }
        }

        return escaped.ToString();
    }
}
