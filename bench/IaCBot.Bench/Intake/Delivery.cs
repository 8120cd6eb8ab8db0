namespace IaCBot.Bench.Intake;

/// <summary>
/// One signed <c>issue_comment</c> delivery, built before the clock starts. <paramref name="Sequence"/> is unique in a
/// run and names the project in the comment (<c>iacbot plan -p p&lt;Sequence&gt;</c>), so its job can be found in the queue.
/// </summary>
internal sealed record Delivery(long Sequence, string Id, byte[] Body, string Signature);
