using IaCBot.Core.RepoConfig.Paths;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Checks the glob patterns of <c>when_modified</c> and <c>ignore_paths</c> when the file is read, not when they are used.</summary>
internal static class PatternRules
{
    public static IReadOnlyList<string> WhenModified(IReadOnlyList<YamlScalar> items, ErrorSink errors)
    {
        foreach (var item in items)
        {
            var pattern = item.Value.Trim();
            var body = pattern.StartsWith('!') ? pattern[1..] : pattern;
            if (pattern == "!")
            {
                errors.At(item, "A `when_modified` exclusion needs a pattern after the `!`.");
            }
            else if (!DockerIgnoreGlob.TryParse(body, out _, out var problem))
            {
                errors.At(item, $"The `when_modified` pattern {item.Describe()} {problem}.");
            }
        }

        return items.Select(i => i.Value).ToArray();
    }

    public static IReadOnlyList<string> IgnorePaths(IReadOnlyList<YamlScalar> items, ErrorSink errors)
    {
        foreach (var item in items)
        {
            if (item.Value.StartsWith('/'))
            {
                errors.At(item, $"The `ignore_paths` pattern {item.Describe()} must not begin with `/`: it is relative to the repo root.");
            }
            else if (!DoublestarGlob.TryParse(item.Value, out _, out var problem))
            {
                errors.At(item, $"The `ignore_paths` pattern {item.Describe()} {problem}.");
            }
        }

        return items.Select(i => i.Value).ToArray();
    }
}
