namespace IaCBot.Core.RepoConfig.Paths;

/// <summary>A <c>[a-z_]</c> set in a glob, negated by a leading <c>^</c> (or <c>!</c> where the syntax allows it).</summary>
internal sealed class CharClass
{
    private readonly (char Low, char High)[] ranges;
    private readonly bool negated;

    private CharClass((char, char)[] ranges, bool negated)
    {
        this.ranges = ranges;
        this.negated = negated;
    }

    public bool Matches(char c)
    {
        var inSet = ranges.Any(r => c >= r.Low && c <= r.High);
        return inSet != negated;
    }

    /// <summary>Reads the class that starts at <paramref name="index"/> (a <c>[</c>) and leaves it on the closing <c>]</c>.</summary>
    public static bool TryParse(string pattern, ref int index, bool bangNegates, out CharClass? result, out string? problem)
    {
        result = null;
        var i = index + 1;
        var negated = i < pattern.Length && (pattern[i] == '^' || (bangNegates && pattern[i] == '!'));
        if (negated)
        {
            i++;
        }

        var ranges = new List<(char, char)>();
        while (true)
        {
            if (i >= pattern.Length)
            {
                problem = "has a `[` that is never closed by `]`";
                return false;
            }

            if (pattern[i] == ']' && ranges.Count > 0)
            {
                break;
            }

            if (!TryReadChar(pattern, ref i, out var low))
            {
                problem = "ends inside a `[...]` set";
                return false;
            }

            var high = low;
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                if (!TryReadChar(pattern, ref i, out high))
                {
                    problem = "ends inside a `[...]` set";
                    return false;
                }

                if (high < low)
                {
                    problem = $"has the range `{low}-{high}` whose ends are in the wrong order";
                    return false;
                }
            }

            ranges.Add((low, high));
        }

        index = i;
        result = new CharClass([.. ranges], negated);
        problem = null;
        return true;
    }

    private static bool TryReadChar(string pattern, ref int i, out char c)
    {
        if (pattern[i] == '\\')
        {
            i++;
        }

        if (i >= pattern.Length)
        {
            c = '\0';
            return false;
        }

        c = pattern[i];
        i++;
        return true;
    }
}
