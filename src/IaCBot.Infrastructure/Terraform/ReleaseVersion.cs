using System.Text.RegularExpressions;
using IaCBot.Core.Terraform;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>
/// Checks a <c>terraform_version</c> before it becomes part of a file name, a path and a URL. It comes from a file in
/// the PR, so anything but a plain version (a <c>/</c>, <c>..</c>, a shell character) is refused.
/// </summary>
internal static partial class ReleaseVersion
{
    private const int MaxLength = 40;

    /// <summary>
    /// The version as release files spell it. Like Atlantis (hashicorp/go-version), a leading <c>v</c> is dropped and
    /// a short version is padded to three numbers: <c>v1.5</c> is <c>1.5.0</c>.
    /// </summary>
    /// <exception cref="TerraformBinaryException">The text is not a version.</exception>
    public static string Normalize(string text)
    {
        var match = text.Length <= MaxLength ? Pattern().Match(text) : Match.Empty;
        if (!match.Success)
        {
            throw new TerraformBinaryException(
                $"`terraform_version` {Describe(text)} is not a version IaCBot can install: it must be numbers separated by dots, "
                + "optionally followed by a suffix such as -rc1 (for example 1.5.7 or 1.6.0-rc1).");
        }

        var numbers = match.Groups["numbers"].Value.Split('.').ToList();
        while (numbers.Count < 3)
        {
            numbers.Add("0");
        }

        return string.Join('.', numbers) + match.Groups["suffix"].Value;
    }

    /// <summary>The refused text, shortened and without characters that would break out of inline code on the PR.</summary>
    private static string Describe(string text)
    {
        if (text.Length == 0)
        {
            return "(empty)";
        }

        var visible = new string(text.Take(MaxLength).Select(c => char.IsControl(c) || c == '`' ? '?' : c).ToArray());
        return text.Length > MaxLength ? $"`{visible}…`" : $"`{visible}`";
    }

    // \z rather than $: $ also matches before a final newline.
    [GeneratedRegex(@"^v?(?<numbers>[0-9]{1,9}(?:\.[0-9]{1,9}){0,3})(?<suffix>-[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*)?\z")]
    private static partial Regex Pattern();
}
