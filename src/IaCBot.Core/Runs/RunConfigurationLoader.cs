using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>
/// Reads a PR's repo config once per command, from the commit being run, and merges it with the server's
/// repos.yaml. A config with mistakes, or one that sets what the server does not allow, becomes a reply listing
/// each problem; nothing runs then.
/// </summary>
public sealed class RunConfigurationLoader(IWorkingDirectories checkouts, ServerConfig.ServerConfig server, CommentRenderer renderer)
{
    public async Task<(RunConfiguration? Configuration, string? Problem)> LoadAsync(PullRequestInfo pull, CancellationToken cancellationToken)
    {
        var checkout = await checkouts.PrepareAsync(pull, ProjectKey.DefaultWorkspace, cancellationToken);
        return Load(checkout, pull.Ref.Repo, pull.BaseBranch);
    }

    /// <summary>The configuration of a checkout already made, for <paramref name="branch"/> of the repository.</summary>
    public (RunConfiguration? Configuration, string? Problem) Load(string checkout, RepoId repo, string branch)
    {
        var policy = server.For(repo, branch);
        switch (policy.LoadRepoConfig(checkout))
        {
            case RepoConfigLoadResult.Invalid invalid:
                return (null, Problem($"`{invalid.FileName}` is not valid, so nothing was run.", invalid.Errors));
            case RepoConfigLoadResult.Loaded found:
                return Merge(checkout, policy, found.Config, found.FileName);
            default:
                return Merge(checkout, policy, null, "");
        }
    }

    private (RunConfiguration?, string?) Merge(string checkout, ServerRepoPolicy policy, IaCBot.Core.RepoConfig.RepoConfig? config, string fileName) =>
        policy.Apply(config, fileName) switch
        {
            PolicyResult.Allowed allowed => (new RunConfiguration(checkout, config, allowed.Config), null),
            PolicyResult.Refused refused => (null, Problem($"`{fileName}` sets what this server does not allow, so nothing was run.", refused.Errors)),
            _ => throw new InvalidOperationException("Unknown policy result."),
        };

    private string Problem(string headline, IReadOnlyList<ConfigError> errors) =>
        renderer.RenderFailure(headline, string.Join('\n', errors.Select(e => e.ToString())));
}
