using IaCBot.Core.RepoConfig;
using IaCBot.Core.ServerConfig;

namespace IaCBot.Server.Cli;

/// <summary>
/// <c>iacbot validate</c>: checks a checkout's repo config, and the server config with it, before a pull request
/// does, so a mistake shows on a laptop or in CI rather than in a PR comment.
/// </summary>
internal static class ValidateCommand
{
    public const string Verb = "validate";

    private const int Valid = 0;
    private const int Errors = 1;
    private const int BadUsage = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = ValidateArguments.Parse(args, out var problem);
        if (arguments is null && problem is null)
        {
            stdout.WriteLine(ValidateArguments.Usage);
            return Valid;
        }

        if (arguments is null)
        {
            stderr.WriteLine($"iacbot validate: {problem}\n\n{ValidateArguments.Usage}");
            return BadUsage;
        }

        if (!Directory.Exists(arguments.RepoDir))
        {
            stderr.WriteLine($"iacbot validate: '{arguments.RepoDir}' is not a directory; give the root of a repository checkout.");
            return BadUsage;
        }

        if (arguments.ServerConfig is { } serverPath && !File.Exists(serverPath))
        {
            stderr.WriteLine($"iacbot validate: --server-config '{serverPath}' does not exist.");
            return BadUsage;
        }

        var server = arguments.ServerConfig is null ? ServerConfig.Default : LoadServer(arguments.ServerConfig, stdout, stderr);
        return server is null ? Errors : CheckRepo(arguments, server.For(arguments.Repo, arguments.BaseBranch), stdout, stderr);
    }

    private static ServerConfig? LoadServer(string path, TextWriter stdout, TextWriter stderr)
    {
        switch (ServerConfigParser.Load(path))
        {
            case ServerConfigParseResult.Loaded loaded:
                stdout.WriteLine($"OK: {path} ({Count(loaded.Config.RepoCount, "repo entry", "repo entries")})");
                return loaded.Config;
            case ServerConfigParseResult.Invalid invalid:
                Print(invalid.Errors, stderr);
                return null;
            default:
                throw new InvalidOperationException("Unknown parse result.");
        }
    }

    private static int CheckRepo(ValidateArguments arguments, ServerRepoPolicy policy, TextWriter stdout, TextWriter stderr)
    {
        switch (policy.LoadRepoConfig(arguments.RepoDir))
        {
            case RepoConfigLoadResult.NotFound:
                var names = policy.RepoConfigFile ?? $"{RepoConfigLoader.IaCBotFileName} or {RepoConfigLoader.AtlantisFileName}";
                stdout.WriteLine($"OK: no {names} in {arguments.RepoDir}; IaCBot will find the projects on its own.");
                return Valid;
            case RepoConfigLoadResult.Invalid invalid:
                Print(invalid.Errors.Select(e => e with { FileName = Shown(arguments, e.FileName) }), stderr);
                return Errors;
            case RepoConfigLoadResult.Loaded loaded:
                return Judge(policy, loaded.Config, Shown(arguments, loaded.FileName), stdout, stderr);
            default:
                throw new InvalidOperationException("Unknown load result.");
        }
    }

    private static int Judge(ServerRepoPolicy policy, RepoConfig config, string file, TextWriter stdout, TextWriter stderr)
    {
        if (policy.Apply(config, file) is PolicyResult.Refused refused)
        {
            Print(refused.Errors, stderr);
            return Errors;
        }

        stdout.WriteLine($"OK: {file} ({Count(config.Projects.Count, "project", "projects")})");
        return Valid;
    }

    private static void Print(IEnumerable<ConfigError> errors, TextWriter stderr)
    {
        foreach (var error in errors)
        {
            stderr.WriteLine(error.ToString());
        }
    }

    // Paths as the user typed them, so that an editor or terminal can jump to file:line:column.
    private static string Shown(ValidateArguments arguments, string fileName) =>
        arguments.RepoDir is "." or "./" ? fileName : Path.Join(arguments.RepoDir, fileName);

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
