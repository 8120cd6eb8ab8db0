using IaCBot.Core.Commands;
using IaCBot.Core.Runs;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Jobs;

/// <summary>
/// The queued work of a plan or apply without a pull request, as the admin API checked it: the commit is resolved
/// already, so the job runs exactly what the caller was told it would.
/// </summary>
/// <param name="Commands">One command a target, spelled as a comment would (<c>iacbot plan -d envs/dev</c>).</param>
/// <param name="By">Who asked: <c>api</c>.</param>
internal sealed record RefRun(RepoId Repo, string Ref, string Sha, string CloneUrl, CommandKind Kind, IReadOnlyList<string> Commands, string By)
{
    public RefTarget ToTarget() => new(Repo, Ref, new RefCommit(Sha, CloneUrl));

    /// <summary>What the run history shows as the run's command: the commands and the ref they ran on.</summary>
    public string Describe() => $"{string.Join("; ", Commands)} @ {Ref}";

    public override string ToString() => $"{Describe()} in {Repo}";
}
