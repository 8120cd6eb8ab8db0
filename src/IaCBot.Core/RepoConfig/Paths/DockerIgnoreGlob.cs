namespace IaCBot.Core.RepoConfig.Paths;

/// <summary>
/// One <c>when_modified</c> pattern in the <c>.dockerignore</c> syntax Atlantis uses (moby/patternmatcher):
/// <c>*</c> and <c>?</c> stay within a directory, <c>**/</c> spans any number of directories, a trailing
/// <c>**</c> matches everything below, <c>[...]</c> is a set and <c>\</c> escapes the next character.
/// </summary>
internal sealed class DockerIgnoreGlob
{
    private readonly GlobToken[] tokens;

    private DockerIgnoreGlob(GlobToken[] tokens, string literalPrefix)
    {
        this.tokens = tokens;
        LiteralPrefix = literalPrefix;
    }

    /// <summary>Text every matching path starts with (the pattern up to its first special character); lets callers skip paths that cannot match.</summary>
    public string LiteralPrefix { get; }

    public bool IsMatch(ReadOnlySpan<char> path) => GlobMatcher.IsMatch(tokens, path);

    public static bool TryParse(string pattern, out DockerIgnoreGlob? glob, out string? problem)
    {
        glob = null;
        var tokens = new List<GlobToken>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    tokens.Add(ReadStars(pattern, ref i));
                    break;
                case '?':
                    tokens.Add(new GlobToken(GlobTokenKind.AnyChar));
                    break;
                case '[':
                    if (!CharClass.TryParse(pattern, ref i, bangNegates: false, out var set, out problem))
                    {
                        return false;
                    }

                    tokens.Add(new GlobToken(GlobTokenKind.Class, Class: set));
                    break;
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    tokens.Add(new GlobToken(GlobTokenKind.Literal, pattern[i]));
                    break;
                default:
                    tokens.Add(new GlobToken(GlobTokenKind.Literal, c));
                    break;
            }
        }

        var firstSpecial = pattern.AsSpan().IndexOfAny(@"*?[\");
        glob = new DockerIgnoreGlob([.. tokens], firstSpecial < 0 ? pattern : pattern[..firstSpecial]);
        problem = null;
        return true;
    }

    // Same reading as patternmatcher: "**" eats one following "/", and becomes "anything" at the end of the pattern.
    private static GlobToken ReadStars(string pattern, ref int i)
    {
        if (i + 1 >= pattern.Length || pattern[i + 1] != '*')
        {
            return new GlobToken(GlobTokenKind.Star);
        }

        i++;
        if (i + 1 < pattern.Length && pattern[i + 1] == '/')
        {
            i++;
        }

        return i + 1 >= pattern.Length ? new GlobToken(GlobTokenKind.Anything) : new GlobToken(GlobTokenKind.AnyDirectories);
    }
}
