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
    /// <returns>The parts in order; just <paramref name="markdown"/> when it fits.</returns>
    public static IReadOnlyList<string> Split(string markdown, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumMaxLength);
        if (markdown.Length <= maxLength)
        {
            return [markdown];
        }

        // Each later part starts with "part k of n"; the room it takes depends on how many digits n has,
        // which is only known after splitting, so split again with more room until the guess holds.
        var digits = 1;
        while (true)
        {
            var bodies = new SplitWriter(maxLength, ReservedNoteLength(digits)).Write(markdown);
            if (bodies.Count.ToString().Length <= digits)
            {
                return bodies.Select((body, i) => i == 0 ? body : ContinuationNote(i + 1, bodies.Count) + body).ToList();
            }

            digits = bodies.Count.ToString().Length;
        }
    }

    private static int ReservedNoteLength(int digits) => ContinuationNote(new string('9', digits), new string('9', digits)).Length;

    private static string ContinuationNote(int part, int count) => ContinuationNote($"{part}", $"{count}");

    private static string ContinuationNote(string part, string count) => $"_(continued, part {part} of {count})_\n\n";
}
