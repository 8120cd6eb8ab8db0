namespace IaCBot.Core.RepoConfig.Paths;

internal enum GlobTokenKind
{
    /// <summary>One given character.</summary>
    Literal,

    /// <summary><c>?</c>: one character other than <c>/</c>.</summary>
    AnyChar,

    /// <summary><c>[...]</c>: one character of a set.</summary>
    Class,

    /// <summary><c>*</c>: any run of characters without <c>/</c>.</summary>
    Star,

    /// <summary><c>**/</c>: nothing, or any run of characters that ends with <c>/</c> (zero or more directories).</summary>
    AnyDirectories,

    /// <summary>A trailing <c>**</c>: any run of characters.</summary>
    Anything,
}
