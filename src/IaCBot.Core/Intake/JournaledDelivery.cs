namespace IaCBot.Core.Intake;

/// <summary>An entry as the journal holds it: <paramref name="Sequence"/> rises in the order entries were accepted.</summary>
public sealed record JournaledDelivery(long Sequence, IntakeEntry Entry);
