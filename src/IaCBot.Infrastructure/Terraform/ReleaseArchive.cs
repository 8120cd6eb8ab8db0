using System.IO.Compression;
using IaCBot.Core.Terraform;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>Takes the program out of a verified release zip and puts it in place in one step.</summary>
internal static class ReleaseArchive
{
    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>
    /// Extracts only the program (the zips also hold licences and readmes) to a temporary file beside
    /// <paramref name="target"/>, then renames it: another job never sees a half-written binary at the target.
    /// </summary>
    public static async Task ExtractProgramAsync(TerraformRelease release, string zipPath, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var archive = await ZipFile.OpenReadAsync(zipPath, cancellationToken))
            {
                var entry = archive.Entries.FirstOrDefault(e => e.FullName == release.Program)
                    ?? throw new TerraformBinaryException(
                        $"The {release} release zip {release.ZipName} holds no file named {release.Program}, so nothing was installed.");
                await entry.ExtractToFileAsync(temporary, overwrite: false, cancellationToken);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, Executable);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (InvalidDataException e)
        {
            throw new TerraformBinaryException($"The {release} release zip {release.ZipName} could not be read ({e.Message}), so nothing was installed.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TerraformBinaryException($"{release} could not be installed at {target}: {e.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
