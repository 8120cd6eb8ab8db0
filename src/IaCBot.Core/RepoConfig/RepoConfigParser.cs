using System.Text;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig;

/// <summary>Parses and validates the text of a repo config file.</summary>
public static class RepoConfigParser
{
    public static RepoConfigLoadResult Parse(string yaml, string fileName) => Parse(yaml, fileName, RepoConfigParseOptions.Default);

    public static RepoConfigLoadResult Parse(string yaml, string fileName, RepoConfigParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(options);
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
            return new RepoConfigLoadResult.Invalid(fileName, errors.InFileOrder());
        }

        var config = RepoConfigReader.Read(tree.Root, options, errors);
        return errors.HasErrors || config is null
            ? new RepoConfigLoadResult.Invalid(fileName, errors.InFileOrder())
            : new RepoConfigLoadResult.Loaded(config, fileName);
    }

    internal static RepoConfigLoadResult.Invalid TooLarge(string fileName) => new(fileName,
    [
        new ConfigError(fileName, 1, 1, $"The file is larger than {YamlLimits.MaxBytes / 1024 / 1024} MiB; a repo config never needs to be that big, so it is not read."),
    ]);
}
