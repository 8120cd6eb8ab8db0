namespace IaCBot.Core.RepoConfig;

/// <summary>What a <c>run</c> or <c>multienv</c> step's output becomes in the pull request comment.</summary>
public enum RunOutput
{
    Show,
    Hide,

    /// <summary>Drop everything up to the last line mentioning "Refreshing...", as the built-in plan does.</summary>
    StripRefreshing,
}
