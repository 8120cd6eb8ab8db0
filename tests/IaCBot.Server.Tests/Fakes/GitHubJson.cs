using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>The pieces every GitHub payload shares: users, repositories, timestamps and ids.</summary>
internal static class GitHubJson
{
    public const string PublicApiUrl = "https://api.github.com/";

    /// <summary>Makes a fixture's user object someone else's, URLs included.</summary>
    public static void SetUser(JsonNode? node, string login)
    {
        if (node is not JsonObject user)
        {
            return;
        }

        if (user["login"]?.GetValue<string>() is { } previous)
        {
            JsonStrings.Replace(user, previous, login);
        }

        user["login"] = login;
        user["id"] = StableId(login);
    }

    /// <summary>A user object shaped like the fixture's, for payloads whose fixture has none where one is needed.</summary>
    public static JsonObject User(JsonNode? template, string login)
    {
        var user = template?.DeepClone().AsObject() ?? new JsonObject { ["login"] = login, ["type"] = "User" };
        SetUser(user, login);
        return user;
    }

    /// <summary>Makes a fixture's repository object the fake's, cloned from <paramref name="cloneUrl"/>.</summary>
    public static void SetRepository(JsonNode? node, string owner, string repo, string cloneUrl, string defaultBranch)
    {
        if (node is not JsonObject repository)
        {
            return;
        }

        var fullName = $"{owner}/{repo}";
        if (repository["full_name"]?.GetValue<string>() is { } previous)
        {
            JsonStrings.Replace(repository, previous, fullName);
        }

        repository["id"] = StableId(fullName);
        repository["name"] = repo;
        repository["full_name"] = fullName;
        repository["html_url"] = $"https://github.com/{fullName}";
        repository["clone_url"] = cloneUrl;
        repository["default_branch"] = defaultBranch;
        repository["fork"] = false;
        repository["private"] = false;
        SetUser(repository["owner"], owner);
    }

    /// <summary>GitHub's timestamp format: UTC, to the second.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Now() => Timestamp(TimeProvider.System.GetUtcNow());

    /// <summary>The same id for the same name in every payload, as GitHub's ids are.</summary>
    public static long StableId(string name) =>
        1_000_000 + (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0) % 90_000_000);

    /// <summary>A 40-hex object id derived from <paramref name="seed"/>, for blobs the fake does not really store.</summary>
    public static string FakeSha(string seed) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..40];
}
