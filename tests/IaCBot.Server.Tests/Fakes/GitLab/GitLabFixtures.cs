using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>The real GitLab payloads under <c>Fixtures/gitlab</c>, which the GitLab webhooks start from.</summary>
internal static class GitLabFixtures
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public static string Text(string relativePath) =>
        Texts.GetOrAdd(relativePath, path => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gitlab", path)));

    /// <summary>A fresh copy of a fixture object; callers change it freely.</summary>
    public static JsonObject Object(string relativePath) => JsonNode.Parse(Text(relativePath))!.AsObject();
}
