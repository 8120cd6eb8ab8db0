using System.Text;
using IaCBot.Core.Redaction;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// Reads a program's output stream as UTF-8 text and hands it on in blocks of whole lines, secrets masked. A line
/// longer than <see cref="MaxPiece"/> (<c>terraform show -json</c> prints its whole plan on one) is handed on in
/// pieces, so that no amount of output needs more than a piece's worth of memory here. Each piece holds back as many
/// characters as the longest masked form of a secret has, less one, so a secret cut in two by a piece is still masked.
/// </summary>
internal sealed class MaskedText(Redactor masks, Action<string> emit)
{
    public const int MaxPiece = 64 * 1024;

    private const int ReadSize = 16 * 1024;

    private readonly int _holdBack = Math.Max(0, masks.LongestForm - 1);
    private readonly StringBuilder _pending = new();

    public async Task ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, ReadSize);
        var buffer = new char[ReadSize];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
            {
                Add(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            // A program that ends without a final newline (or is stopped mid-line) still has its last line shown.
            if (_pending.Length > 0)
            {
                _pending.Append('\n');
                Emit(_pending.Length);
            }
        }
    }

    private void Add(ReadOnlySpan<char> text)
    {
        var lastNewline = text.LastIndexOf('\n');
        if (lastNewline < 0)
        {
            _pending.Append(text);
            if (_pending.Length >= MaxPiece)
            {
                EmitPiece();
            }

            return;
        }

        _pending.Append(text[..(lastNewline + 1)]);
        Emit(_pending.Length);
        _pending.Append(text[(lastNewline + 1)..]);
    }

    private void Emit(int length)
    {
        var block = _pending.ToString(0, length);
        _pending.Remove(0, length);
        emit(masks.Redact(block));
    }

    private void EmitPiece()
    {
        var masked = masks.Redact(_pending.ToString());
        var keep = Math.Min(_holdBack, masked.Length);
        _pending.Clear().Append(masked, masked.Length - keep, keep);
        emit(masked[..^keep]);
    }
}
