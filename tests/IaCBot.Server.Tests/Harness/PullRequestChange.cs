namespace IaCBot.Server.Tests.Harness;

/// <summary>What happened to a pull request (a GitLab merge request), as each host's webhook tells it.</summary>
public enum PullRequestChange
{
    Opened,

    /// <summary>New commits on its branch: GitHub's <c>synchronize</c>, Gitea's <c>synchronized</c>, GitLab's <c>update</c> with <c>oldrev</c>.</summary>
    Pushed,

    /// <summary>Closed, merged or not as the host now holds it (after <see cref="IGitHostUnderTest.Merge"/> or <see cref="IGitHostUnderTest.Close"/>).</summary>
    Closed,
}
