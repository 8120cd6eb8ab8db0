namespace IaCBot.Core.Comments;

/// <summary>How much one reply may take on a pull request.</summary>
/// <param name="MaxParts">The most comments one reply is split into (<c>server:max_comment_parts</c>).</param>
/// <param name="PartLength">The most characters in one comment: GitHub's limit.</param>
public sealed record CommentLimits(int MaxParts, int PartLength = CommentSplitter.GitHubMaxLength)
{
    public const int DefaultMaxParts = 10;

    public static CommentLimits Default { get; } = new(DefaultMaxParts);

    /// <summary>
    /// The most characters a reply's Markdown may have and still fit in <see cref="MaxParts"/> comments. A fifth of each
    /// is kept back: the splitter closes and reopens blocks at each cut and moves a heading that would end a comment to
    /// the next one, which leaves up to a tenth of a comment unused.
    /// </summary>
    public long ReplyBudget => (long)MaxParts * PartLength * 4 / 5;
}
