using System.Text.RegularExpressions;
using IaCBot.Core.RepoConfig.Paths;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.ServerConfig.Reading;

/// <summary>Checks of an entry's <c>id</c>, <c>branch</c> and <c>repo_config_file</c>.</summary>
internal static class IdRules
{
    /// <summary>The <c>/regex/</c> of an id, null for an exact id; false when the id cannot be used.</summary>
    public static bool TryReadId(YamlScalar node, ErrorSink errors, out Regex? pattern)
    {
        pattern = null;
        var id = node.Value.Trim();
        if (id.Length == 0)
        {
            errors.At(node, "`id` is empty; write the repository as host/owner/name (github.com/acme/infra), or a /regex/ such as /.*/.");
            return false;
        }

        if (IsSlashed(id))
        {
            pattern = Compile(node, "id", errors);
            return pattern is not null;
        }

        if (id.StartsWith('/') || id.EndsWith('/'))
        {
            errors.At(node, $"`id` {node.Describe()} has a `/` at one end only: write /regex/ (both ends) for a pattern, or host/owner/name for one repository.");
            return false;
        }

        // Atlantis compares such an id as plain text, so a glob silently matches nothing.
        if (id.AsSpan().IndexOfAny("*?") >= 0)
        {
            errors.At(node, $"`id` {node.Describe()} looks like a glob, but an id is either exact or a /regex/; for all of an owner's repositories write /^{Regex.Escape(id.Split('*', '?')[0])}/.");
            return false;
        }

        return true;
    }

    public static Regex? Branch(YamlScalar node, ErrorSink errors)
    {
        if (IsSlashed(node.Value.Trim()))
        {
            return Compile(node, "branch", errors);
        }

        errors.At(node, $"`branch` must be a regex between slashes, such as /main/ or /^release-.*$/, not {node.Describe()}.");
        return null;
    }

    /// <summary>The path normalised (<c>/</c>-separated, no <c>.</c> segments), or null when it is not a path inside the repo.</summary>
    public static string? RepoConfigFile(YamlScalar node, ErrorSink errors)
    {
        var raw = node.Value.Replace('\\', '/');
        string? problem = raw.Trim().Length == 0 ? "is empty"
            : raw.StartsWith('/') || (raw.Length >= 2 && char.IsAsciiLetter(raw[0]) && raw[1] == ':') ? "is an absolute path; write it relative to the repo root"
            : raw.Split('/').Contains("..") ? "must not contain `..`: the file must be inside the repository"
            : raw.EndsWith('/') || RepoPath.Clean(raw) == RepoPath.Root ? "names a directory; name the file, such as atlantis-production.yaml"
            : null;
        if (problem is null)
        {
            return RepoPath.Clean(raw);
        }

        errors.At(node, $"`repo_config_file` {node.Describe()} {problem}.");
        return null;
    }

    private static bool IsSlashed(string text) => text.Length >= 2 && text[0] == '/' && text[^1] == '/';

    // Non-backtracking: linear time like Atlantis' Go regexes, and it refuses what they refuse (backreferences, lookarounds).
    private static Regex? Compile(YamlScalar node, string key, ErrorSink errors)
    {
        var body = node.Value.Trim()[1..^1];
        try
        {
            return new Regex(body, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException e)
        {
            errors.At(node, $"`{key}` {node.Describe()} is not a valid regex: {e.Message}");
        }
        catch (NotSupportedException)
        {
            errors.At(node, $"`{key}` {node.Describe()} uses a backreference, lookaround or atomic group, which Atlantis' regexes do not support either.");
        }

        return null;
    }
}
