using System.Globalization;

namespace FakeTerraform.Commands;

/// <summary>
/// The knob <c>extra-bytes plan BYTES</c>: numbered 100-byte lines (the last one shorter) written as they are made,
/// so a plan's output can reach hundreds of megabytes without the fake holding it, as a chatty provider's would.
/// </summary>
internal static class FillerOutput
{
    private const int LineLength = 100;

    public static async Task WriteAsync(TextWriter output, long bytes)
    {
        var chunk = new char[64 * LineLength];
        var filled = 0;
        for (long line = 0, left = bytes; left > 0; line++, left -= LineLength)
        {
            var text = Line(line, (int)Math.Min(left, LineLength));
            text.CopyTo(0, chunk, filled, text.Length);
            filled += text.Length;
            if (filled > chunk.Length - LineLength)
            {
                await output.WriteAsync(chunk, 0, filled);
                filled = 0;
            }
        }

        await output.WriteAsync(chunk, 0, filled);
    }

    /// <summary>A line of exactly <paramref name="length"/> bytes (ASCII), newline included.</summary>
    private static string Line(long number, int length)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"  # extra output line {number:D10} ").PadRight(LineLength - 1, '.') + "\n";
        return length == LineLength ? text : text[..(length - 1)] + "\n";
    }
}
