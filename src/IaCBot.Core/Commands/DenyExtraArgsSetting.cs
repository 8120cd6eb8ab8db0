using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace IaCBot.Core.Commands;

/// <summary>Reads the server's <c>deny_extra_args</c>: terraform flags a comment may not pass after <c>--</c>.</summary>
/// <remarks>Each item may hold several flags separated by commas, as an environment variable gives them.</remarks>
public static partial class DenyExtraArgsSetting
{
    /// <returns>False with a one-sentence <paramref name="error"/> naming the first value that is no flag.</returns>
    public static bool TryParse(
        IEnumerable<string?> values,
        [NotNullWhen(true)] out IReadOnlyList<string>? flags,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        var read = new List<string>();
        foreach (var value in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!FlagPattern().IsMatch(value))
            {
                flags = null;
                error = $"'{value}' is not a terraform flag; write flags without a value, such as -var-file or -lock.";
                return false;
            }

            read.Add(value);
        }

        flags = read;
        error = null;
        return true;
    }

    [GeneratedRegex("^-{0,2}[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex FlagPattern();
}
