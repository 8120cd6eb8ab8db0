using System.Text.RegularExpressions;

namespace FakeTerraform.State;

/// <summary>
/// The local backend's workspaces: the selected one in <c>.terraform/environment</c> (overridden by
/// TF_WORKSPACE), the state of <c>default</c> in terraform.tfstate and of any other in
/// terraform.tfstate.d/NAME/terraform.tfstate.
/// </summary>
internal sealed partial class WorkspaceStore(string directory, string dataDirectory, string? overridden)
{
    public const string Default = "default";

    private string NamedStatesDirectory => Path.Combine(directory, "terraform.tfstate.d");

    private string EnvironmentFile => Path.Combine(dataDirectory, "environment");

    public bool IsOverridden => !string.IsNullOrEmpty(overridden);

    public string Current => IsOverridden ? overridden! : Selected;

    private string Selected => File.Exists(EnvironmentFile) && File.ReadAllText(EnvironmentFile).Trim() is { Length: > 0 } name
        ? name
        : Default;

    public IReadOnlyList<string> List()
    {
        IEnumerable<string> named = Directory.Exists(NamedStatesDirectory)
            ? Directory.GetDirectories(NamedStatesDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
        return [Default, .. named];
    }

    public bool Exists(string name) => List().Contains(name);

    public void Create(string name)
    {
        if (name != Default)
        {
            Directory.CreateDirectory(Path.Combine(NamedStatesDirectory, name));
        }
    }

    public void Select(string name)
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(EnvironmentFile, name);
    }

    public void Delete(string name) => Directory.Delete(Path.Combine(NamedStatesDirectory, name), recursive: true);

    public string StatePath(string name) => name == Default
        ? Path.Combine(directory, "terraform.tfstate")
        : Path.Combine(NamedStatesDirectory, name, "terraform.tfstate");

    /// <summary>Terraform accepts a name only if URL path escaping would leave it unchanged.</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$")]
    private static partial Regex ValidName();
}
