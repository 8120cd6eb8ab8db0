namespace IaCBot.Infrastructure.Terraform;

/// <summary>
/// Reads a <c>SHA256SUMS</c> file as <c>sha256sum</c> writes it and both HashiCorp and OpenTofu publish it:
/// one <c>&lt;64 hex digits&gt;  &lt;file name&gt;</c> line per file (a <c>*</c> before the name marks binary mode).
/// </summary>
internal static class Sha256Sums
{
    /// <summary>The lower-case hex digest listed for <paramref name="fileName"/>, or null when it is not listed.</summary>
    public static string? Find(string sums, string fileName)
    {
        foreach (var line in sums.Split('\n'))
        {
            var parts = line.Split([' ', '\t', '\r'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[1].Trim().TrimStart('*') == fileName && IsDigest(parts[0]))
            {
                return parts[0].ToLowerInvariant();
            }
        }

        return null;
    }

    private static bool IsDigest(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
