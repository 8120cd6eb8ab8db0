namespace IaCBot.Core.Comments;

/// <summary>
/// Splits a comment that is too long for the Git host (GitHub takes 65,536 characters) into parts that each
/// render on their own: an open code block or <c>&lt;details&gt;</c> is closed at the cut and reopened after it.
/// </summary>
public static class CommentSplitter
{
    /// <summary>GitHub's limit on the body of an issue or pull request comment.</summary>
    public const int GitHubMaxLength = 65536;

    /// <summary>The smallest limit accepted: below it the notes and reopened blocks would crowd out the content.</summary>
    public const int MinimumMaxLength = 1000;

    /// <param name="maxLength">The most UTF-16 code units (<see cref="string.Length"/>) a part may have.</param>
    /// <param name="maxParts">
    /// The most parts to return. Past it the middle parts are left out and the last part says so: the end of a reply
    /// holds its summary and the commands to run next. Replies are rendered to fit (<see cref="CommentLimits"/>), so
    /// this only guards against a flood of comments.
    /// </param>
    /// <returns>The parts in order; just <paramref name="markdown"/> when it fits.</returns>
    public static IReadOnlyList<string> Split(string markdown, int maxLength, int maxParts = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumMaxLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParts, 1);
        if (markdown.Length <= maxLength)
        {
            return [markdown];
        }

        // Each later part starts with "part k of n"; the room it takes depends on how many digits n has,
        // which is only known after splitting, so split again with more room until the guess holds.
        var digits = 1;
        while (true)
        {
            var reserved = Math.Max(ReservedNoteLength(digits), maxParts == int.MaxValue ? 0 : LeftOutNote(maxParts, int.MaxValue).Length);
            var bodies = new SplitWriter(maxLength, reserved).Write(markdown);
            var shown = Math.Min(bodies.Count, maxParts);
            if (shown.ToString().Length <= digits)
            {
                return bodies.Count <= maxParts ? Numbered(bodies) : Capped(bodies, maxParts);
            }

            digits = shown.ToString().Length;
        }
    }

    private static List<string> Numbered(List<string> bodies) =>
        bodies.Select((body, i) => i == 0 ? body : ContinuationNote(i + 1, bodies.Count) + body).ToList();

    /// <summary>The first parts and the last one, which says how many were left out between them.</summary>
    private static List<string> Capped(List<string> bodies, int maxParts)
    {
        var kept = bodies.Take(maxParts - 1).Select((body, i) => i == 0 ? body : ContinuationNote(i + 1, maxParts) + body).ToList();
        kept.Add(LeftOutNote(maxParts, bodies.Count - maxParts) + bodies[^1]);
        return kept;
    }

    private static int ReservedNoteLength(int digits) => ContinuationNote(new string('9', digits), new string('9', digits)).Length;

    private static string ContinuationNote(int part, int count) => ContinuationNote($"{part}", $"{count}");

    private static string ContinuationNote(string part, string count) => $"_(continued, part {part} of {count})_\n\n";

    private static string LeftOutNote(int maxParts, int leftOut) =>
        $"_(continued, part {maxParts} of {maxParts}: {leftOut} more part{(leftOut == 1 ? "" : "s")} of this reply "
        + $"were left out to keep it to {maxParts} comment{(maxParts == 1 ? "" : "s")}; the full output of each project is in its log)_\n\n";
}
