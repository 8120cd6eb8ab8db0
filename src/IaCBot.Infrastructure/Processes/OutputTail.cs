using System.Text;
using IaCBot.Core.Processes;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// The end of an output, at most <c>maxChars</c> characters, kept in memory for the PR comment. The end is what a
/// reader needs: terraform puts its summary, warnings and errors there, while the start of a big plan is refresh
/// progress and the first of many resources, no more telling than any other. Not thread-safe.
/// </summary>
internal sealed class OutputTail(int maxChars)
{
    private readonly Queue<string> _blocks = new();
    private long _chars;
    private int _skip;
    private long _droppedChars;
    private long _droppedLines;
    private bool _droppedWholeLine;

    public void Add(string block)
    {
        if (block.Length == 0)
        {
            return;
        }

        _blocks.Enqueue(block);
        _chars += block.Length;
        while (_chars > maxChars)
        {
            var first = _blocks.Peek();
            var drop = (int)Math.Min(_chars - maxChars, first.Length - _skip);
            _droppedLines += first.AsSpan(_skip, drop).Count('\n');
            _droppedChars += drop;
            _chars -= drop;
            _skip += drop;
            _droppedWholeLine = first[_skip - 1] == '\n';
            if (_skip == first.Length)
            {
                _blocks.Dequeue();
                _skip = 0;
            }
        }
    }

    /// <summary>The kept text, starting at a line's start when anything was dropped, and what was left out.</summary>
    public (string Text, OmittedOutput? Omitted) Result()
    {
        var text = new StringBuilder((int)_chars);
        var skip = _skip;
        foreach (var block in _blocks)
        {
            text.Append(block, skip, block.Length - skip);
            skip = 0;
        }

        var kept = text.ToString();
        if (_droppedChars == 0)
        {
            return (kept, null);
        }

        // The kept text may start in the middle of a line whose start was dropped: drop the rest of that line too,
        // unless it is the only line there is.
        var firstNewline = kept.IndexOf('\n', StringComparison.Ordinal);
        var partial = !_droppedWholeLine && firstNewline >= 0 && firstNewline < kept.Length - 1 ? firstNewline + 1 : 0;
        var omitted = new OmittedOutput(_droppedLines + (partial > 0 ? 1 : 0), _droppedChars + partial);
        return (kept[partial..], omitted);
    }
}
