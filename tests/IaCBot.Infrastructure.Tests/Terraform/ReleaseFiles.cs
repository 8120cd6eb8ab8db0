using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace IaCBot.Infrastructure.Tests.Terraform;

/// <summary>Release files shaped as HashiCorp and OpenTofu publish them, holding a shell script instead of the real program.</summary>
public static class ReleaseFiles
{
    private static readonly string[] Platforms =
        ["darwin_amd64", "darwin_arm64", "freebsd_amd64", "linux_386", "linux_amd64", "linux_arm", "linux_arm64", "windows_amd64"];

    /// <summary>A script that prints the first line <c>terraform version</c> prints.</summary>
    public static string VersionScript(string product, string version) => $"#!/bin/sh\necho \"{product} v{version}\"\n";

    /// <summary>
    /// A zip of the given files at its root. The entries carry no Unix mode, as a zip made elsewhere may not, so the
    /// program is only executable if the installer makes it so.
    /// </summary>
    public static byte[] Zip(params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A <c>&lt;program&gt;_&lt;version&gt;_SHA256SUMS</c> file in the format of the real ones: one
    /// <c>&lt;hex&gt;  &lt;file name&gt;</c> line per platform's zip, sorted by name. <paramref name="zip"/> is the zip
    /// for <paramref name="platform"/>; the other platforms get the digest of other content. <paramref name="leaveOut"/>
    /// is a platform with no line.
    /// </summary>
    public static byte[] Sums(string program, string version, byte[] zip, string? leaveOut = null, string platform = "linux_amd64")
    {
        var lines = Platforms.Union([platform]).Where(p => p != leaveOut).Order(StringComparer.Ordinal).Select(p =>
        {
            var name = $"{program}_{version}_{p}.zip";
            var content = p == platform ? zip : Encoding.UTF8.GetBytes(name);
            return $"{Convert.ToHexStringLower(SHA256.HashData(content))}  {name}\n";
        });
        return Encoding.UTF8.GetBytes(string.Concat(lines));
    }
}
