namespace IaCBot.Core.Commands;

/// <summary>Holds a <c>-var-file</c> given after <c>--</c> to a file inside the repository.</summary>
/// <remarks>
/// Terraform reads the file from the project's directory and may quote its values in a plan or an error, so a path
/// out of the checkout (<c>/etc/…</c>, <c>~/.aws/credentials</c>, <c>../../../other-pr</c>) would let a commenter read
/// the server's files through the PR. Only a relative path that stays inside the repository once <c>.</c> and
/// <c>..</c> are resolved is accepted. Without <c>-d</c> the project's directory is not known yet (every project of
/// the PR, or one named by <c>-p</c>), so the path may not go above it at all, which keeps it inside any project.
/// </remarks>
internal static class VarFileRule
{
    public const string Flag = "var-file";

    /// <summary>The error to show for a <c>-var-file</c> path, or null when it stays inside the repository.</summary>
    /// <param name="shown">The argument as the user wrote it, for the message.</param>
    /// <param name="dir">The command's normalised <c>-d</c> (<c>.</c> for the root), or null when it names none.</param>
    public static string? Check(string shown, string path, string? dir)
    {
        var quoted = InlineCode.Of(shown);
        if (path.Length == 0)
        {
            return $"{quoted} names no file; give one, as in `-var-file=prod.tfvars`.";
        }

        if (path.StartsWith('/') || (path.Length > 1 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            return $"{quoted} is an absolute path; give the file relative to the project's directory, inside the repository.";
        }

        if (path.Contains('\\') || path.Contains('~'))
        {
            return $"{quoted} contains {(path.Contains('~') ? "`~`" : "`\\`")}, which IaCBot does not accept in a `-var-file` path; separate folders with `/`.";
        }

        var depth = dir is null or "." ? 0 : dir.Split('/').Length;
        foreach (var segment in path.Split('/'))
        {
            depth += segment switch { ".." => -1, "" or "." => 0, _ => 1 };
            if (depth < 0)
            {
                return dir is null
                    ? $"{quoted} goes above the project's directory. IaCBot allows that only when the command names the directory with `-d`, so that it can check the file is inside the repository."
                    : $"{quoted} points outside the repository; give a file inside it, relative to the project's directory.";
            }
        }

        return null;
    }
}
