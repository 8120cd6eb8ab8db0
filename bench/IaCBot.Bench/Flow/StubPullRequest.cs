namespace IaCBot.Bench.Flow;

/// <summary>The one pull request the stub GitHub serves: its REST object (the webhook's, which has the same shape) and its files.</summary>
internal sealed record StubPullRequest(int Number, string ApiJson, IReadOnlyList<string> Files);
