using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Rewrites every string value under a node. Fixtures name their example repo in dozens of URLs; rewriting them all
/// keeps a payload consistent with the fake's repo instead of half octocat, half ours.
/// </summary>
internal static class JsonStrings
{
    public static void Replace(JsonNode? node, string oldValue, string newValue)
    {
        if (oldValue.Length > 0)
        {
            Rewrite(node, s => s.Replace(oldValue, newValue, StringComparison.Ordinal));
        }
    }

    public static void Replace(JsonNode? node, Regex pattern, string replacement) =>
        Rewrite(node, s => pattern.Replace(s, replacement));

    private static void Rewrite(JsonNode? node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (AsString(child) is { } text)
                    {
                        obj[name] = rewrite(text);
                    }
                    else
                    {
                        Rewrite(child, rewrite);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (AsString(array[i]) is { } text)
                    {
                        array[i] = rewrite(text);
                    }
                    else
                    {
                        Rewrite(array[i], rewrite);
                    }
                }

                break;
        }
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
