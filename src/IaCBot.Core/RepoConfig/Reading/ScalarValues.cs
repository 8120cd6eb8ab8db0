using System.Globalization;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Reads typed values from YAML nodes the way Atlantis' YAML library does, reporting each mismatch.</summary>
internal static class ScalarValues
{
    private static readonly HashSet<string> TrueWords = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"];
    private static readonly HashSet<string> FalseWords = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"];

    public static bool? Bool(YamlNode node, string key, ErrorSink errors)
    {
        if (node is YamlScalar { IsPlain: true } plain)
        {
            if (TrueWords.Contains(plain.Value))
            {
                return true;
            }

            if (FalseWords.Contains(plain.Value))
            {
                return false;
            }
        }

        var quotedHint = node is YamlScalar { IsPlain: false } quoted && (TrueWords.Contains(quoted.Value) || FalseWords.Contains(quoted.Value))
            ? " (remove the quotes)"
            : "";
        errors.At(node, $"`{key}` must be true or false, not {node.Describe()}{quotedHint}.");
        return null;
    }

    public static int? Int(YamlNode node, string key, ErrorSink errors)
    {
        if (node is YamlScalar { IsPlain: true } plain
            && int.TryParse(plain.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.At(node, $"`{key}` must be a whole number, not {node.Describe()}.");
        return null;
    }

    /// <summary>Any scalar is text (YAML's <c>3</c> is the text "3" here), as in Atlantis.</summary>
    public static string? Text(YamlNode node, string key, ErrorSink errors)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        errors.At(node, $"`{key}` must be text, not {node.Describe()}.");
        return null;
    }

    public static IReadOnlyList<YamlScalar>? TextItems(YamlNode node, string key, ErrorSink errors)
    {
        if (node is not YamlSequence sequence)
        {
            errors.At(node, $"`{key}` must be a list (such as [a, b]), not {node.Describe()}.");
            return null;
        }

        var items = new List<YamlScalar>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar)
            {
                items.Add(scalar);
            }
            else
            {
                errors.At(item, $"Each item of `{key}` must be text, not {item.Describe()}.");
            }
        }

        return items;
    }

    /// <summary>Text or a list of text (Atlantis allows both for <c>shellArgs</c>); text is split on spaces.</summary>
    public static IReadOnlyList<string>? WordsOrList(YamlNode node, string key, ErrorSink errors) => node is YamlScalar scalar
        ? scalar.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        : TextItems(node, key, errors)?.Select(i => i.Value).ToArray();

    public static T? Choice<T>(YamlNode node, string key, IReadOnlyDictionary<string, T> choices, ErrorSink errors)
        where T : struct
    {
        if (node is YamlScalar scalar && choices.TryGetValue(scalar.Value, out var value))
        {
            return value;
        }

        var hint = node is YamlScalar typed ? KeySuggestion.DidYouMean(typed.Value, choices.Keys) : "";
        errors.At(node, $"`{key}` must be one of {Join(choices.Keys)}, not {node.Describe()}.{hint}");
        return null;
    }

    public static string Join(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));
}
