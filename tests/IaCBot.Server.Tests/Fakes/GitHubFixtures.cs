using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>The real GitHub payloads under <c>Fixtures/github</c>, which every fake answer and webhook starts from.</summary>
internal static class GitHubFixtures
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public static string Text(string relativePath) =>
        Texts.GetOrAdd(relativePath, path => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "github", path)));

    /// <summary>A fresh copy of a fixture object; callers change it freely.</summary>
    public static JsonObject Object(string relativePath) => JsonNode.Parse(Text(relativePath))!.AsObject();

    /// <summary>A fresh copy of the first item of a fixture list: the shape of one item of that list.</summary>
    public static JsonObject FirstItem(string relativePath) => JsonNode.Parse(Text(relativePath))!.AsArray()[0]!.AsObject();
}
