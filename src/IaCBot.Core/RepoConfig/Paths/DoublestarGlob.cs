namespace IaCBot.Core.RepoConfig.Paths;

/// <summary>
/// A path glob in the doublestar syntax Atlantis uses for <c>autodiscover.ignore_paths</c>: <c>*</c>, <c>?</c>,
/// <c>[...]</c> (negated by <c>^</c> or <c>!</c>), <c>{a,b}</c> alternatives, and <c>**</c> as a whole segment for
/// any number of directories.
/// </summary>
internal sealed class DoublestarGlob
{
    private const int MaxAlternatives = 64;

    private readonly GlobToken[][] alternatives;

    private DoublestarGlob(GlobToken[][] alternatives) => this.alternatives = alternatives;

    public bool IsMatch(string path) => alternatives.Any(tokens => GlobMatcher.IsMatch(tokens, path));

    public static bool TryParse(string pattern, out DoublestarGlob? glob, out string? problem)
    {
        glob = null;
        if (!BraceExpansion.TryExpand(pattern, MaxAlternatives, out var expanded, out problem))
        {
            return false;
        }

        var alternatives = new List<GlobToken[]>();
        foreach (var alternative in WithParentDirectories(expanded))
        {
            if (!TryTokenize(alternative, out var tokens, out problem))
            {
                return false;
            }

            alternatives.Add(tokens);
        }

        glob = new DoublestarGlob([.. alternatives]);
        return true;
    }

    // "dir/**" also names "dir" itself.
    private static IEnumerable<string> WithParentDirectories(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            yield return pattern;
            if (pattern.EndsWith("/**", StringComparison.Ordinal))
            {
                yield return pattern[..^3];
            }
        }
    }

    private static bool TryTokenize(string pattern, out GlobToken[] tokens, out string? problem)
    {
        var result = new List<GlobToken>();
        var segments = pattern.Split('/');
        for (var s = 0; s < segments.Length; s++)
        {
            var last = s == segments.Length - 1;
            if (segments[s] == "**")
            {
                result.Add(new GlobToken(last ? GlobTokenKind.Anything : GlobTokenKind.AnyDirectories));
                continue;
            }

            if (!TryTokenizeSegment(segments[s], result, out problem))
            {
                tokens = [];
                return false;
            }

            if (!last)
            {
                result.Add(new GlobToken(GlobTokenKind.Literal, '/'));
            }
        }

        tokens = [.. result];
        problem = null;
        return true;
    }

    private static bool TryTokenizeSegment(string segment, List<GlobToken> into, out string? problem)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            switch (segment[i])
            {
                case '*':
                    into.Add(new GlobToken(GlobTokenKind.Star));
                    break;
                case '?':
                    into.Add(new GlobToken(GlobTokenKind.AnyChar));
                    break;
                case '[':
                    if (!CharClass.TryParse(segment, ref i, bangNegates: true, out var set, out problem))
                    {
                        return false;
                    }

                    into.Add(new GlobToken(GlobTokenKind.Class, Class: set));
                    break;
                case '\\' when i + 1 < segment.Length:
                    i++;
                    into.Add(new GlobToken(GlobTokenKind.Literal, segment[i]));
                    break;
                default:
                    into.Add(new GlobToken(GlobTokenKind.Literal, segment[i]));
                    break;
            }
        }

        problem = null;
        return true;
    }
}
