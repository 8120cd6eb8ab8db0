using IaCBot.Core.ServerConfig;
using IaCBot.Server.Configuration;

namespace IaCBot.Server.Cli;

/// <summary>The <c>server:repo_config</c> file: checked at start-up and then used as the server's repo policies.</summary>
internal static class ServerConfigSetting
{
    public const string Key = "server:repo_config";

    /// <summary>One start-up failure per problem, each naming the setting, the file, the line and the column.</summary>
    public static IEnumerable<string> Problems(string path) => ServerConfigParser.Load(path) is ServerConfigParseResult.Invalid invalid
        ? invalid.Errors.Select(e => $"{Key} {e}")
        : [];

    /// <summary>The parsed file, or Atlantis' defaults when the setting is empty.</summary>
    public static ServerConfig Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return ServerConfig.Default;
        }

        return ServerConfigParser.Load(path) switch
        {
            ServerConfigParseResult.Loaded loaded => loaded.Config,
            // The settings check refuses start-up first; this only guards a file changed since.
            ServerConfigParseResult.Invalid invalid => throw new SettingsException(string.Join('\n', invalid.Errors.Select(e => $"{Key} {e}"))),
            _ => throw new InvalidOperationException("Unknown parse result."),
        };
    }
}
