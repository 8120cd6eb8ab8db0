using System.Text;

namespace IaCBot.Infrastructure.Processes;

/// <summary>Output files: UTF-8 without a byte-order mark, buffered, readable by others while they are written.</summary>
internal static class TextFiles
{
    private const int BufferSize = 64 * 1024;

    public static StreamWriter Open(string path, FileMode mode)
    {
        try
        {
            return OpenIn(path, mode);
        }
        catch (DirectoryNotFoundException)
        {
            // The log clean-up removed the run's folder, empty, just as this run created it: create it again.
            return OpenIn(path, mode);
        }
    }

    private static StreamWriter OpenIn(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read | FileShare.Delete, BufferSize = 0 };
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                // Output may hold what terraform read from the cloud: only the server's own user may read it.
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
        }

        return new StreamWriter(new FileStream(path, options), new UTF8Encoding(false), BufferSize);
    }
}
