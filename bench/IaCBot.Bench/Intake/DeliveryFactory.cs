using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IaCBot.Bench.Intake;

/// <summary>
/// Deliveries shaped as GitHub sends them: a real <c>issue_comment</c> payload (Fixtures/, see SOURCES.md) with its
/// PR number, comment id and body changed, its repository moved to <paramref name="webUrl"/> (a GitHub Enterprise
/// Server host, the one the server is configured for), signed with <c>X-Hub-Signature-256</c> and given a fresh
/// delivery id.
/// </summary>
internal sealed class DeliveryFactory(string webhookSecret, int pullRequests, string webUrl)
{
    private const string FixtureRepo = "chhsia0/knative-route-demo";
    private const long FirstCommentId = 900_000_000;
    private readonly JsonObject _template = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "issue_comment.created.on-pr.json")))!.AsObject();

    private readonly byte[] _key = Encoding.UTF8.GetBytes(webhookSecret);
    private long _next;

    public Delivery Next()
    {
        var sequence = ++_next;
        var payload = _template.DeepClone().AsObject();
        payload["issue"]!["number"] = 1 + (sequence % pullRequests);
        payload["comment"]!["id"] = FirstCommentId + sequence;
        payload["repository"]!["html_url"] = webUrl + FixtureRepo;
        payload["comment"]!["body"] = $"iacbot plan -p p{sequence.ToString(CultureInfo.InvariantCulture)}";
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));
        return new Delivery(sequence, Guid.NewGuid().ToString(), body, signature);
    }

    /// <summary>The <c>server:repo_allowlist</c> entry that allows the deliveries' repository.</summary>
    public string RepoGlob => new Uri(webUrl).Authority + "/" + FixtureRepo;

    public IReadOnlyList<Delivery> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];
}
