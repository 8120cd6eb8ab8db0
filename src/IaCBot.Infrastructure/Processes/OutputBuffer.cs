using System.Text;
using IaCBot.Core.Redaction;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// Collects a process's lines, stdout and stderr interleaved as they come, masking secrets on the way in (so that
/// dropping old lines can never leave half a secret behind) and once more over the whole (for a secret that spans
/// lines). Past <c>maxChars</c> it keeps the tail, where terraform puts its errors and summary, and drops the oldest lines.
/// </summary>
internal sealed class OutputBuffer(int maxChars, Redactor redactor)
{
    private readonly LinkedList<string> _lines = [];
    private readonly Lock _gate = new();
    private long _chars;

    public bool Truncated { get; private set; }

    public void Add(string line)
    {
        var masked = redactor.Redact(line);
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

            return redactor.Redact(text.ToString());
        }
    }
}
