using IaCBot.Core.Intake;
using IaCBot.Server.Jobs;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// A journal entry in a round of the <see cref="IntakePump"/>: its work (null when unreadable) and its ticket (null
/// when the delivery was not taken: queued before, or unreadable).
/// </summary>
internal sealed record PumpItem(JournaledDelivery Journaled, QueuedWork? Work, long? Ticket)
{
    /// <summary>Set once its job is queued: from then on its ticket belongs to the job.</summary>
    public bool Queued { get; set; }
}
