using System.Text;

namespace IaCBot.Core.Comments;

/// <summary>One pass of <see cref="CommentSplitter"/>: fills parts line by line, leaving room for each later part's note.</summary>
internal sealed class SplitWriter(int maxLength, int noteLength)
{
    private readonly List<StringBuilder> _parts = [];
    private StringBuilder _current = new();
    private int _limit;
    private int _freshLength;
    private MarkdownState _state = MarkdownState.Empty;

    /// <summary>Below this much room a part is ended rather than given a sliver of a long line.</summary>
    private int MinChunk => maxLength / 20;

    /// <summary>The parts without their notes.</summary>
    public List<string> Write(string markdown)
    {
        _limit = maxLength;
        _parts.Add(_current);
        foreach (var line in Lines(markdown))
        {
            Place(line);
        }

        return _parts.Select(part => part.ToString()).ToList();
    }

    private void Place(string line)
    {
        var pending = line;
        while (true)
        {
            var after = _state.Advance(line);
            var left = _limit - _current.Length - pending.Length - Reserve(after);
            if (left >= 0 && (IsFresh || left >= Headroom(line, after)))
            {
                _current.Append(pending);
                _state = after;
                return;
            }

            var room = _limit - _current.Length - Reserve(_state);
            if (!IsFresh && (FitsInFreshPart(line, pending) || room < MinChunk))
            {
                StartNextPart();
                continue;
            }

            if (pending.Length <= room)
            {
                // Only the closing text of what this line opens is too long (deeply nested blocks): leave that
                // block untracked rather than break the limit.
                _current.Append(pending);
                return;
            }

            // Too long for any part: hard-cut it, never between the two halves of a surrogate pair.
            var take = char.IsHighSurrogate(pending[room - 1]) ? room - 1 : room;
            _current.Append(pending, 0, take);
            pending = pending[take..];
            StartNextPart();
        }
    }

    private bool IsFresh => _current.Length == _freshLength;

    /// <summary>
    /// How much room must be left after a line that starts something, so that a part does not end with a heading
    /// or an empty block. Less is asked of each inner opener, so a section that passed its heading's check is not
    /// then cut between its heading and its collapsed output.
    /// </summary>
    private int Headroom(string line, MarkdownState after)
    {
        if (_state.FenceOpening is not null)
        {
            return 0;
        }

        if (line.StartsWith('#') || line.StartsWith("---", StringComparison.Ordinal))
        {
            return maxLength / 10;
        }

        if (after.Details.Count > _state.Details.Count)
        {
            return maxLength / 20;
        }

        return after.FenceOpening is not null ? maxLength / 40 : 0;
    }

    private bool FitsInFreshPart(string line, string pending)
    {
        var carried = Carry(_state);
        var fresh = maxLength - noteLength - carried.OpeningText().Length;
        return pending.Length + Reserve(carried.Advance(line)) <= fresh;
    }

    private void StartNextPart()
    {
        var closing = _state.ClosingText();
        if (closing.Length > 0 && _current.Length > 0 && _current[^1] != '\n')
        {
            _current.Append('\n');
        }

        _current.Append(closing);
        _state = Carry(_state);
        _current = new StringBuilder(_state.OpeningText());
        _parts.Add(_current);
        _limit = maxLength - noteLength;
        _freshLength = _current.Length;
    }

    /// <summary>
    /// What the next part reopens. Deeply nested or oddly long blocks could leave no room for content; then they
    /// are dropped (first the details, then the fence) so the split still ends and keeps to the limit.
    /// </summary>
    private MarkdownState Carry(MarkdownState state)
    {
        if (Overhead(state) <= maxLength / 2)
        {
            return state;
        }

        var withoutDetails = state with { Details = [] };
        return Overhead(withoutDetails) <= maxLength / 2 ? withoutDetails : MarkdownState.Empty;
    }

    private int Overhead(MarkdownState state) => noteLength + state.OpeningText().Length + Reserve(state);

    private static int Reserve(MarkdownState state)
    {
        var closing = state.ClosingText().Length;
        return closing == 0 ? 0 : closing + 1;
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }
}
