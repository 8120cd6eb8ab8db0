using System.Text.Json;
using IaCBot.Core.Events;

namespace IaCBot.Server.Jobs;

/// <summary>
/// The argument of a queued job, kept in the job ledger so that work a crash cut short can be queued again as it
/// was. Exactly one of the two is set.
/// </summary>
internal sealed record QueuedWork(PullRequestEvent? PullRequest, CommentEvent? Comment)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static QueuedWork FromJson(string json) =>
        JsonSerializer.Deserialize<QueuedWork>(json, Options) is { } work && (work.PullRequest is null) != (work.Comment is null)
            ? work
            : throw new JsonException("A queued job's payload holds neither a pull request event nor a comment.");
}
