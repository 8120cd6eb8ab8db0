using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace IaCBot.Core.RepoConfig.Yaml;

/// <summary>YamlDotNet's message without the position prefix it adds, since our errors carry the position already.</summary>
internal static partial class YamlErrorText
{
    public static string Of(YamlException e)
    {
        var text = PositionPrefix().Replace(e.Message, "").Trim();
        return text.Length == 0 ? "the text here cannot be read." : text;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
