using System.Text;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;
using IaCBot.Core.ServerConfig.Reading;

namespace IaCBot.Core.ServerConfig;

/// <summary>Parses and validates a server-side repo config (Atlantis' repos.yaml, IaCBot's <c>server:repo_config</c>).</summary>
public static class ServerConfigParser
{
    /// <param name="fileName">How errors name the file, such as the path the settings give.</param>
    public static ServerConfigParseResult Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        if (yaml.Length > YamlLimits.MaxBytes || Encoding.UTF8.GetByteCount(yaml) > YamlLimits.MaxBytes)
        {
            return TooLarge(fileName);
        }

        var tree = YamlTreeBuilder.Build(yaml);
        var errors = new ErrorSink(fileName);
        foreach (var problem in tree.Problems)
        {
            errors.At(problem.Line, problem.Column, problem.Message);
        }

        if (errors.HasErrors && tree.Root is null)
        {
            return new ServerConfigParseResult.Invalid(errors.InFileOrder());
        }

        var config = ServerConfigReader.Read(tree.Root, errors);
        return errors.HasErrors || config is null
            ? new ServerConfigParseResult.Invalid(errors.InFileOrder())
            : new ServerConfigParseResult.Loaded(config);
    }

    /// <summary>Reads the file at <paramref name="path"/>; errors name it by that path.</summary>
    public static ServerConfigParseResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return Single(path, "The file does not exist.");
            }

            return file.Length > YamlLimits.MaxBytes ? TooLarge(path) : Parse(File.ReadAllText(file.FullName, Encoding.UTF8), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Single(path, $"The file cannot be read: {e.Message}");
        }
    }

    private static ServerConfigParseResult.Invalid TooLarge(string fileName) =>
        Single(fileName, $"The file is larger than {YamlLimits.MaxBytes / 1024 / 1024} MiB; a server config never needs to be that big, so it is not read.");

    private static ServerConfigParseResult.Invalid Single(string fileName, string message) =>
        new([new ConfigError(fileName, 1, 1, message)]);
}
