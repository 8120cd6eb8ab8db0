using System.Buffers;

namespace IaCBot.Core.Commands;

/// <summary>Checks the <c>-d</c>, <c>-w</c> and <c>-p</c> values a comment gives before they reach a path or a process.</summary>
/// <remarks>
/// These values come from anyone who can comment on a pull request. IaCBot joins the directory to its checkout and
/// hands the workspace to terraform, so each is held to a narrow shape: a directory that stays inside the repository,
/// a workspace name terraform and a file name can both hold, and a project name as written in <c>atlantis.yaml</c>.
/// Each method returns the error to show, or null.
/// </remarks>
internal static class TargetRules
{
    public const int MaxWorkspaceLength = 90;
    public const int MaxProjectLength = 200;

    private static readonly SearchValues<char> ShellMetacharacters = SearchValues.Create("$`;|&<>*?(){}[]!'\"");

    public static string? NormaliseDir(string raw, out string dir)
    {
        dir = ".";
        var shown = InlineCode.Of(raw);
        if (raw.StartsWith('/'))
        {
            return $"The directory {shown} is an absolute path; give it relative to the repository root, as in `-d infra/prod`.";
        }

        if (raw.Contains('\\'))
        {
            return $"The directory {shown} contains `\\`; separate folders with `/`.";
        }

        if (TextChecks.HasControlOrBrokenChar(raw) || raw.Any(char.IsWhiteSpace))
        {
            return $"The directory {shown} contains a space, a line break or another invisible character, which IaCBot does not accept.";
        }

        var metacharacter = raw.AsSpan().IndexOfAny(ShellMetacharacters);
        if (metacharacter >= 0)
        {
            return $"The directory {shown} contains {InlineCode.Of(raw[metacharacter].ToString())}, which IaCBot does not accept in a directory.";
        }

        var kept = new List<string>();
        foreach (var segment in raw.Split('/'))
        {
            if (segment == "..")
            {
                if (kept.Count == 0)
                {
                    return $"The directory {shown} points outside the repository.";
                }

                kept.RemoveAt(kept.Count - 1);
            }
            else if (segment is not ("" or "."))
            {
                kept.Add(segment);
            }
        }

        dir = kept.Count == 0 ? "." : string.Join('/', kept);
        return null;
    }

    public static string? CheckWorkspace(string workspace)
    {
        var shown = InlineCode.Of(workspace);
        if (workspace.Length > MaxWorkspaceLength)
        {
            return $"The workspace {shown} is longer than {MaxWorkspaceLength} characters.";
        }

        if (!workspace.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            return $"The workspace {shown} may only contain letters, digits, `-`, `_` and `.`.";
        }

        return workspace.Contains("..", StringComparison.Ordinal) || workspace == "."
            ? $"The workspace {shown} cannot be `.` or contain `..`."
            : null;
    }

    public static string? CheckProject(string project)
    {
        var shown = InlineCode.Of(project);
        if (project.Length > MaxProjectLength)
        {
            return $"The project name {shown} is longer than {MaxProjectLength} characters.";
        }

        if (!project.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-'))
        {
            return $"The project name {shown} may only contain letters, digits, `-`, `_`, `.` and `/`.";
        }

        return project.Split('/').Contains("..")
            ? $"The project name {shown} cannot contain a `..` segment."
            : null;
    }
}
