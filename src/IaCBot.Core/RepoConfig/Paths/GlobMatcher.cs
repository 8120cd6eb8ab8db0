namespace IaCBot.Core.RepoConfig.Paths;

/// <summary>
/// Matches a token list against a whole string in O(tokens × length) time, whatever the pattern:
/// a dynamic programme over "how much of the text the pattern so far can consume", never backtracking.
/// </summary>
internal static class GlobMatcher
{
    private const int StackLimit = 256;

    public static bool IsMatch(ReadOnlySpan<GlobToken> tokens, ReadOnlySpan<char> text)
    {
        var width = text.Length + 1;
        Span<bool> buffer = width * 2 <= StackLimit ? stackalloc bool[width * 2] : new bool[width * 2];
        var previous = buffer[..width];
        var current = buffer[width..];
        previous.Clear();
        previous[0] = true;

        foreach (var token in tokens)
        {
            Step(token, text, previous, current);
            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[text.Length];
    }

    private static void Step(GlobToken token, ReadOnlySpan<char> text, ReadOnlySpan<bool> before, Span<bool> after)
    {
        after[0] = token.Kind is GlobTokenKind.Star or GlobTokenKind.AnyDirectories or GlobTokenKind.Anything && before[0];
        var reachedEarlier = before[0];
        for (var j = 1; j <= text.Length; j++)
        {
            var c = text[j - 1];
            after[j] = token.Kind switch
            {
                GlobTokenKind.Star => before[j] || (after[j - 1] && c != '/'),
                GlobTokenKind.Anything => before[j] || after[j - 1],
                GlobTokenKind.AnyDirectories => before[j] || (c == '/' && reachedEarlier),
                _ => before[j - 1] && token.MatchesChar(c),
            };
            reachedEarlier |= before[j];
        }
    }
}
