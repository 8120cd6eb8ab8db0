using System.Globalization;

namespace FakeTerraform.Config;

internal static class KnobParser
{
    /// <summary>Reads the knobs from comment lines; a line that is not a well-formed knob is left alone.</summary>
    public static FakeKnobs Parse(IEnumerable<string> commentBodies)
    {
        var failing = new HashSet<string>(StringComparer.Ordinal);
        var sleeps = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var gates = new Dictionary<string, string>(StringComparer.Ordinal);
        var extraLines = 0;
        var extraBytes = 0L;
        var secrets = new List<string>();
        foreach (var body in commentBodies)
        {
            var text = body.Trim();
            if (!text.StartsWith(FakeKnobs.Marker, StringComparison.Ordinal))
            {
                continue;
            }

            var words = text[FakeKnobs.Marker.Length..].Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            switch (words)
            {
                case ["fail", var command]:
                    failing.Add(command);
                    break;
                case ["sleep", var command, var seconds] when TryParseSeconds(seconds, out var delay):
                    sleeps[command] = delay;
                    break;
                case ["wait", var command, var gate] when Path.IsPathFullyQualified(gate.Trim()):
                    gates[command] = gate.Trim();
                    break;
                case ["extra-output", "plan", var lines] when int.TryParse(lines, CultureInfo.InvariantCulture, out var count):
                    extraLines = Math.Max(0, count);
                    break;
                case ["extra-bytes", "plan", var bytes] when long.TryParse(bytes, CultureInfo.InvariantCulture, out var size):
                    extraBytes = Math.Max(0, size);
                    break;
                case ["secret-output", "plan", var secret]:
                    secrets.Add(secret.Trim());
                    break;
            }
        }

        return new FakeKnobs(failing, sleeps, extraLines, secrets) { ExtraOutputBytes = extraBytes, Gates = gates };
    }

    private static bool TryParseSeconds(string text, out TimeSpan delay)
    {
        var ok = double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0;
        delay = ok ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        return ok;
    }
}
