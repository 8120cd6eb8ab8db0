namespace IaCBot.Core.RepoConfig.Paths;

internal readonly record struct GlobToken(GlobTokenKind Kind, char Literal = '\0', CharClass? Class = null)
{
    public bool MatchesChar(char c) => Kind switch
    {
        GlobTokenKind.Literal => c == Literal,
        GlobTokenKind.AnyChar => c != '/',
        GlobTokenKind.Class => Class!.Matches(c),
        _ => false,
    };
}
