namespace IaCBot.Core.Commands;

/// <summary>Checks the words of <c>import</c> and <c>state rm</c> that are not flags: addresses and the import ID.</summary>
/// <remarks>
/// As in Atlantis, these words may stand before, between or after the flags (<c>state -d infra rm ADDRESS</c>), and
/// each is passed to terraform as one argument. None may start with <c>-</c>: terraform would take it for a flag.
/// </remarks>
internal static class ResourceArguments
{
    public const int MaxIdLength = 2048;

    /// <summary>The error to show, or null with the arguments for terraform in <paramref name="arguments"/>.</summary>
    /// <param name="words">The words that are not flags, in order; for <c>state</c> the first is the subcommand.</param>
    public static string? Check(string name, CommandKind kind, IReadOnlyList<string> words, out IReadOnlyList<string> arguments)
    {
        var import = kind == CommandKind.Import;
        var error = import ? CheckImport(name, words) : CheckStateRm(name, words);
        arguments = error is not null ? [] : import ? [.. words] : [.. words.Skip(1)];
        return error;
    }

    private static string? CheckImport(string name, IReadOnlyList<string> words)
    {
        if (words.Count != 2)
        {
            var given = words.Count == 1 ? "only one" : $"{words.Count}";
            return $"{InlineCode.Of($"{name} import")} takes two arguments, the resource address and the ID of the resource to import, as in `{name} import aws_instance.web i-0abc123def4567890`; this comment gives {given}.";
        }

        return TerraformAddress.Check(words[0], resourceRequired: true) ?? CheckId(words[1]);
    }

    private static string? CheckStateRm(string name, IReadOnlyList<string> words)
    {
        if (words.Count == 0 || !string.Equals(words[0], CommandWords.StateRemove, StringComparison.OrdinalIgnoreCase))
        {
            var what = words.Count == 0 ? "nothing" : InlineCode.Of(words[0]);
            return $"IaCBot knows only {InlineCode.Of($"{name} state rm")} and got {what} after {InlineCode.Of($"{name} state")}; to remove a resource from the state, write `{name} state rm aws_instance.web`.";
        }

        if (words.Count == 1)
        {
            return $"{InlineCode.Of($"{name} state rm")} needs at least one resource address, as in `{name} state rm aws_instance.web`.";
        }

        return words.Skip(1).Select(address => TerraformAddress.Check(address, resourceRequired: false)).FirstOrDefault(e => e is not null);
    }

    private static string? CheckId(string id)
    {
        var shown = InlineCode.Of(id);
        if (id.Length == 0)
        {
            return "The ID to import is empty; give the ID the provider knows the resource by, such as `i-0abc123def4567890`.";
        }

        if (id.Length > MaxIdLength)
        {
            return $"The ID to import {shown} is longer than {MaxIdLength} characters.";
        }

        if (TextChecks.HasControlOrBrokenChar(id))
        {
            return $"The ID to import {shown} contains a control character or invalid text.";
        }

        return id.StartsWith('-')
            ? $"The ID to import {shown} starts with `-`, so terraform would read it as a flag; flags for terraform go after `--`."
            : null;
    }
}
