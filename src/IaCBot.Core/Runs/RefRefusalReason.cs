namespace IaCBot.Core.Runs;

/// <summary>Why a run without a pull request cannot go ahead.</summary>
public enum RefRefusalReason
{
    /// <summary>The repo config has mistakes, or sets what the server does not allow.</summary>
    InvalidConfig,

    /// <summary>A path or project names nothing that can run at that commit.</summary>
    BadTarget,

    /// <summary>Nothing to run: the commit holds no project.</summary>
    NoProjects,

    /// <summary>A project's requirements (approved, mergeable, undiverged) can only be checked on a pull request.</summary>
    NeedsPullRequest,

    /// <summary>A pull request (or another run) holds a project's lock.</summary>
    Locked,
}
