namespace IaCBot.Core.Comments;

/// <summary>Shares the room a reply has for output among its projects.</summary>
internal static class OutputBudget
{
    /// <summary>
    /// Room each Markdown block of output takes beyond its text: the collapsed section, the fence and the note on what
    /// was left out.
    /// </summary>
    public const int OverheadPerOutput = 600;

    /// <summary>
    /// Each output gets an equal share of <paramref name="room"/>, and what a short output does not need goes to the
    /// longer ones, so a small plan is shown whole beside a huge one.
    /// </summary>
    /// <returns>How many characters of each output to keep, in the order given.</returns>
    public static IReadOnlyList<long> Share(IReadOnlyList<long> lengths, long room)
    {
        var shares = new long[lengths.Count];
        var waiting = Enumerable.Range(0, lengths.Count).Where(i => lengths[i] > 0).OrderBy(i => lengths[i]).ToList();
        var left = room - OverheadPerOutput * (long)waiting.Count;
        for (var n = 0; n < waiting.Count; n++)
        {
            var index = waiting[n];
            var fair = Math.Max(0, left) / (waiting.Count - n);
            shares[index] = Math.Min(lengths[index], fair);
            left -= shares[index];
        }

        return shares;
    }
}
