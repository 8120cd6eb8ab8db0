using System.Text.RegularExpressions;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig.Paths;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Checks of single project fields: what Atlantis refuses, plus what would be unsafe for IaCBot to run with.</summary>
internal static partial class ProjectFieldRules
{
    /// <summary>Bounds the time a hostile branch regex can take against a branch name.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A directory, or a glob (<c>*</c>, <c>?</c>, <c>[</c>) that stands for every matching directory holding terraform,
    /// as Atlantis allows since https://github.com/runatlantis/atlantis/pull/6006. Either way it stays inside the repo.
    /// </summary>
    public static string? Dir(YamlScalar node, ErrorSink errors)
    {
        if (!RepoPath.TryNormalizeDir(node.Value, out var dir, out var problem))
        {
            errors.At(node, $"`dir` {node.Describe()} {problem}.");
            return null;
        }

        if (dir.AsSpan().IndexOfAny("*?[") >= 0 && !DoublestarGlob.TryParse(dir, out _, out var globProblem))
        {
            errors.At(node, $"`dir` {node.Describe()} {globProblem}.");
            return null;
        }

        return dir;
    }

    public static string? Name(YamlScalar node, ErrorSink errors)
    {
        if (node.Value.Length == 0)
        {
            errors.At(node, "`name` must not be empty; remove it or give the project a name.");
            return null;
        }

        if (!ProjectName().IsMatch(node.Value))
        {
            errors.At(node, $"`name` {node.Describe()} may only use letters, digits, `-`, `_`, `.`, `~` and `/`, since it is typed in comments and used in URLs.");
            return null;
        }

        return node.Value;
    }

    public static string Workspace(YamlScalar? node, ErrorSink errors)
    {
        if (node is null || node.Value.Length == 0)
        {
            return ProjectKey.DefaultWorkspace;
        }

        if (!WorkspaceName().IsMatch(node.Value) || node.Value.Contains("..", StringComparison.Ordinal))
        {
            errors.At(node, $"`workspace` {node.Describe()} may only use letters, digits, `-`, `_` and `.` (and not `..`).");
        }

        return node.Value;
    }

    public static Regex? Branch(YamlScalar node, ErrorSink errors)
    {
        var text = node.Value;
        if (text.Length < 2 || text[0] != '/' || text[^1] != '/')
        {
            errors.At(node, $"`branch` must be a regex between slashes, such as /main/ or /release-.*/, not {node.Describe()}.");
            return null;
        }

        try
        {
            return new Regex(text[1..^1], RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            errors.At(node, $"`branch` {node.Describe()} is not a valid regex: {e.Message}");
            return null;
        }
    }

    public static string? TerraformVersion(YamlScalar node, ErrorSink errors)
    {
        if (Version().IsMatch(node.Value))
        {
            return node.Value;
        }

        errors.At(node, $"`terraform_version` {node.Describe()} is not a version such as 1.6.2, v1.5.0 or 0.12.0-beta1.");
        return null;
    }

    // What url.QueryEscape leaves alone, plus "/" (Atlantis lets names mirror directories).
    [GeneratedRegex("^[A-Za-z0-9_.~/-]+$")]
    private static partial Regex ProjectName();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex WorkspaceName();

    [GeneratedRegex(@"^v?\d+(\.\d+)*(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex Version();
}
