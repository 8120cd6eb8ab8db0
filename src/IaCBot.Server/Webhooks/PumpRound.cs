namespace IaCBot.Server.Webhooks;

/// <summary>How a round of the <see cref="IntakePump"/> ended.</summary>
internal enum PumpRound
{
    /// <summary>The journal held nothing for this server.</summary>
    Empty,

    /// <summary>Every entry of the round is done.</summary>
    Done,

    /// <summary>The queue refused the round's jobs: their entries wait in the journal for a later round.</summary>
    Stalled,
}
