namespace IaCBot.Server.Webhooks;

/// <summary>How a round of the <see cref="IntakePump"/> ended.</summary>
internal enum PumpRound
{
    /// <summary>The journal held nothing for this server.</summary>
    Empty,

    /// <summary>Every entry of the round is done.</summary>
    Done,

    /// <summary>A job could not be queued: it and the entries after it wait in the journal for a later round.</summary>
    Stalled,
}
