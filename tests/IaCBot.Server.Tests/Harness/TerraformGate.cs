namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// Holds a fake terraform command until the test lets it go, so that a test can look at a run while it surely still
/// runs, however slow the machine is. Disposing lets it go too, so a failed check never leaves terraform waiting.
/// </summary>
internal sealed class TerraformGate(string directory, string command) : IDisposable
{
    private readonly string _file = Path.Combine(directory, $"release-{command}-{Guid.NewGuid():N}");

    /// <summary>The comment line to put first in the project's <c>main.tf</c>.</summary>
    public string Knob => $"# fake-terraform: wait {command} {_file}\n";

    public void Release() => File.WriteAllText(_file, "");

    public void Dispose() => Release();
}
