using IaCBot.Core.Vcs;

namespace IaCBot.Server.Cli;

/// <summary>The arguments of <c>iacbot validate</c>.</summary>
/// <param name="Repo">The repository the server's entries are matched against; a checkout does not know its own name.</param>
internal sealed record ValidateArguments(string RepoDir, string? ServerConfig, RepoId Repo, string BaseBranch)
{
    public const string Usage = """
        Usage: iacbot validate [PATH] [--server-config REPOS_YAML] [--repo HOST/OWNER/NAME] [--branch BASE_BRANCH]

        Checks the repo config (iacbot.yaml, else atlantis.yaml) of the checkout at PATH (default: the current
        directory) and, with --server-config, the server-side repos.yaml and what it lets that repo config set.
        --repo and --branch say which entries of repos.yaml apply (default: local/local/local into main).

        Exit codes: 0 valid, 1 errors found (printed as file:line:column: message), 2 bad usage.
        """;

    public static RepoId LocalRepo { get; } = new("local", "local", "local");

    /// <summary>The arguments, or null with <paramref name="problem"/> saying what is wrong (null too for --help).</summary>
    public static ValidateArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                paths.Add(arg);
                continue;
            }

            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, i + 1 < args.Count ? args[++i] : null);
            if (name is not ("--server-config" or "--repo" or "--branch"))
            {
                problem = $"unknown option '{name}'.";
                return null;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                problem = $"{name} needs a value.";
                return null;
            }

            values[name] = value;
        }

        return Build(paths, values, out problem);
    }

    private static ValidateArguments? Build(List<string> paths, Dictionary<string, string> values, out string? problem)
    {
        problem = null;
        if (paths.Count > 1)
        {
            problem = $"only one PATH may be given, not {paths.Count}.";
            return null;
        }

        var repo = LocalRepo;
        if (values.TryGetValue("--repo", out var id))
        {
            if (ParseRepo(id) is not { } parsed)
            {
                problem = $"--repo '{id}' is not HOST/OWNER/NAME, such as github.com/acme/infra.";
                return null;
            }

            repo = parsed;
        }

        return new ValidateArguments(paths.FirstOrDefault() ?? ".", values.GetValueOrDefault("--server-config"), repo, values.GetValueOrDefault("--branch") ?? "main");
    }

    // The owner may hold slashes (GitLab subgroups); the host is before the first, the name after the last.
    private static RepoId? ParseRepo(string id)
    {
        var first = id.IndexOf('/', StringComparison.Ordinal);
        var last = id.LastIndexOf('/');
        return first > 0 && last > first + 1 && last < id.Length - 1
            ? new RepoId(id[..first], id[(first + 1)..last], id[(last + 1)..])
            : null;
    }
}
