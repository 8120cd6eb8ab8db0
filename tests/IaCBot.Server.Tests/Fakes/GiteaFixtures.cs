using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>The real Gitea payloads under <c>Fixtures/gitea</c>, which the fake Gitea's answers and webhooks start from.</summary>
internal static class GiteaFixtures
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public static string Text(string relativePath) =>
        Texts.GetOrAdd(relativePath, path => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gitea", path)));

    /// <summary>A fresh copy of a fixture object; callers change it freely.</summary>
    public static JsonObject Object(string relativePath) => JsonNode.Parse(Text(relativePath))!.AsObject();
}
