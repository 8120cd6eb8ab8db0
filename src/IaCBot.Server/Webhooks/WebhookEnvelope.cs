namespace IaCBot.Server.Webhooks;

/// <summary>What a delivery's headers say: its event and its id, used to take each delivery once.</summary>
/// <param name="Problem">Why the headers cannot be used, or null when they can.</param>
internal sealed record WebhookEnvelope(string EventName, string DeliveryId, string? Problem = null);
