using System.Globalization;
using System.Security.Cryptography;

namespace IaCBot.Core.Projects.Modules.GitIndex;

/// <summary>
/// The id git gives a file's content: SHA-1 of <c>blob &lt;length&gt;\0</c> and the bytes. Used to check that bytes
/// read from a work tree are the blob the index names, never for security.
/// See https://git-scm.com/book/en/v2/Git-Internals-Git-Objects.
/// </summary>
internal static class GitBlob
{
    public static string Id(ReadOnlySpan<byte> content)
    {
        Span<byte> header = stackalloc byte[32];
        "blob "u8.CopyTo(header);
        content.Length.TryFormat(header[5..], out var digits, provider: CultureInfo.InvariantCulture);
        header[5 + digits] = 0;

#pragma warning disable CA5350 // git names objects by SHA-1; this is an identity check, not a security one.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        hash.AppendData(header[..(6 + digits)]);
        hash.AppendData(content);
        Span<byte> id = stackalloc byte[20];
        hash.GetHashAndReset(id);
        return Convert.ToHexString(id);
    }
}
