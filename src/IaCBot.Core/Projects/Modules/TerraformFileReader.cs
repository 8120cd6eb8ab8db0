using System.Buffers;
using System.Text;

namespace IaCBot.Core.Projects.Modules;

/// <summary>Reads the module calls of one configuration file of a checkout (HCL, or JSON for <c>*.json</c>).</summary>
internal static class TerraformFileReader
{
    // Generated *.tf.json files run to a few megabytes; anything far larger calls no module worth the memory.
    private const long MaxFileBytes = 16 * 1024 * 1024;

    public static ModuleCalls Read(string root, string path, long length, bool isLink)
    {
        try
        {
            var target = isLink ? LinkTargetInside(root, path) : path;
            if (target is null)
            {
                return ModuleCalls.None;
            }

            var size = isLink ? new FileInfo(target).Length : length;
            return size > MaxFileBytes ? ModuleCalls.None : ReadCalls(target, (int)size, path.EndsWith(".json", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ModuleCalls.None;
        }
    }

    /// <summary>
    /// Reads a whole tracked file: its module calls and the git blob id of the very bytes they were parsed from (null
    /// when the file could not be read or is too large to parse), so that a cache keyed by blob id holds only what
    /// those bytes say.
    /// </summary>
    public static (ModuleCalls Calls, string? BlobId) ReadTracked(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxFileBytes)
            {
                return (ModuleCalls.None, null);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max((int)length, 1));
            try
            {
                var bytes = buffer.AsSpan(0, ReadInto(handle, buffer, (int)length));
                return (Scan(bytes, path.EndsWith(".json", StringComparison.Ordinal)), GitIndex.GitBlob.Id(bytes));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (ModuleCalls.None, null);
        }
    }

    private static ModuleCalls ReadCalls(string path, int length, bool json)
    {
        using var handle = File.OpenHandle(path);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            return Scan(buffer.AsSpan(0, ReadInto(handle, buffer, length)), json);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadInto(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, int length)
    {
        var read = 0;
        for (var count = -1; read < length && count != 0; read += count)
        {
            count = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
        }

        return read;
    }

    /// <summary>
    /// Decodes and scans only files that mention a module or a terraform block: most files of a large repository hold
    /// variables, outputs and resources, and skip straight from reading to the next file.
    /// </summary>
    private static ModuleCalls Scan(ReadOnlySpan<byte> bytes, bool json)
    {
        if (bytes.IndexOf("module"u8) < 0 && bytes.IndexOf("terraform"u8) < 0)
        {
            return ModuleCalls.None;
        }

        var text = Encoding.UTF8.GetString(bytes);
        return json ? JsonModuleReader.Read(text) : HclModuleReader.Read(text);
    }

    /// <summary>
    /// Repositories often link a shared file such as <c>providers.tf</c> into each project, so a linked file is read,
    /// but only when it ends at a regular file of the checkout: a link could otherwise name a device, a pipe of another
    /// process, or a file elsewhere on the server.
    /// </summary>
    private static string? LinkTargetInside(string root, string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
        var inside = target is FileInfo { Exists: true } file
            && (file.Attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0
            && file.FullName.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside ? target!.FullName : null;
    }
}
