namespace IaCBot.Core.Intake;

/// <summary>A delivery taken in at the webhook endpoint, waiting in the intake journal for its job to be queued.</summary>
/// <param name="DeliveryId">The Git host's delivery id (prefixed by the host for all but GitHub): the key of dedupe.</param>
/// <param name="Work">The parsed event, serialised by the server; the journal does not read it.</param>
public sealed record IntakeEntry(string DeliveryId, string EventName, DateTimeOffset ReceivedAt, string Work);
