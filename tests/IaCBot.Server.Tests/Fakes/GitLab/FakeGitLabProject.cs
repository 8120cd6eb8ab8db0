namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>A project of the fake GitLab: its id, full path and clone URL; the lock all the fake's state shares.</summary>
internal sealed class FakeGitLabProject(long id, string path, Lock gate)
{
    public long Id { get; } = id;

    public string Path { get; } = path;

    public Lock Gate { get; } = gate;

    public string CloneUrl { get; set; } = "";
}
