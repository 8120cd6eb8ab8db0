using System.Text;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// Collects a process's lines, stdout and stderr interleaved as they come, masking secrets on the way in.
/// Past <c>maxChars</c> it keeps the tail, where terraform puts its errors and summary, and drops the oldest lines.
/// </summary>
internal sealed class OutputBuffer(int maxChars, IReadOnlyList<string> secrets)
{
    private readonly LinkedList<string> _lines = [];
    private readonly Lock _gate = new();
    private long _chars;

    public bool Truncated { get; private set; }

    public void Add(string line)
    {
        var masked = Secrets.Mask(line, secrets);
        lock (_gate)
        {
            _lines.AddLast(masked);
            _chars += masked.Length + 1;
            while (_chars > maxChars && _lines.Count > 1)
            {
                _chars -= _lines.First!.Value.Length + 1;
                _lines.RemoveFirst();
                Truncated = true;
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder((int)Math.Min(_chars, int.MaxValue));
            foreach (var line in _lines)
            {
                text.Append(line).Append('\n');
            }

            return text.ToString();
        }
    }
}
