namespace IaCBot.Core.Processes;

/// <summary>
/// How much of an output was left out of the text kept in memory (its start, or the start of a step's output), so a
/// reader can be told what they are not seeing. The log file holds all of it.
/// </summary>
/// <param name="Lines">Whole or partial lines left out. Zero when only part of one very long line was cut.</param>
/// <param name="Chars">Characters left out.</param>
public sealed record OmittedOutput(long Lines, long Chars)
{
    /// <summary>Adds two omissions, either of which may be null (nothing left out).</summary>
    public static OmittedOutput? Sum(OmittedOutput? first, OmittedOutput? second) =>
        first is null ? second
        : second is null ? first
        : new OmittedOutput(first.Lines + second.Lines, first.Chars + second.Chars);
}
