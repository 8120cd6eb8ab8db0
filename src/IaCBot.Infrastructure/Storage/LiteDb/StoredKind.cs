using IaCBot.Core.Vcs;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>The Git host kind of a stored repository; documents written before hosts had kinds were GitHub's.</summary>
internal static class StoredKind
{
    public static VcsKind Read(BsonDocument document) =>
        document.TryGetValue("hostKind", out var value) && value.IsString && Enum.TryParse<VcsKind>(value.AsString, out var kind)
            ? kind
            : VcsKind.GitHub;
}
