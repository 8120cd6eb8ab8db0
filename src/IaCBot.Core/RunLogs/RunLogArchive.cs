using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace IaCBot.Core.RunLogs;

/// <summary>
/// Copies a finished run's log files into the store (<see cref="IRunLogStore"/>) and reads them back, so a replica
/// other than the one that ran it can show the output. The files are already masked as they were written. A log
/// longer than <see cref="MaxKeptBytes"/> keeps its end, where terraform prints errors and the plan's summary, under
/// a note that says what was left out and where the whole file is.
/// </summary>
public sealed class RunLogArchive(IRunLogStore store, RunLogSettings settings, TimeProvider time)
{
    /// <summary>As much as the run page and the API show of a log.</summary>
    public const int MaxKeptBytes = 1024 * 1024;

    /// <summary>Keeps each of the run's log files that exists (a project that printed nothing has none).</summary>
    /// <param name="relativePaths">Paths relative to data_dir, as <see cref="RunLog.Files"/> gives them.</param>
    public async Task KeepAsync(string runId, IEnumerable<string> relativePaths, CancellationToken cancellationToken)
    {
        foreach (var relative in relativePaths)
        {
            await KeepOneAsync(runId, relative, null, cancellationToken);
        }
    }

    /// <summary>
    /// Keeps the log at <paramref name="relativePath"/> as it is while its run goes on, under a note saying so: if the
    /// replica dies, this copy is what the others can show. The copy kept when the run ends replaces it.
    /// </summary>
    public Task KeepSoFarAsync(string runId, string relativePath, CancellationToken cancellationToken) =>
        KeepOneAsync(runId, relativePath, SoFarNote(time.GetUtcNow()), cancellationToken);

    private async Task KeepOneAsync(string runId, string relative, string? note, CancellationToken cancellationToken)
    {
        var path = settings.PathOf(relative);
        if (File.Exists(path))
        {
            var gzip = await CompressAsync(path, relative, note, cancellationToken);
            await store.SaveAsync(new StoredRunLog(relative, runId, time.GetUtcNow(), gzip), cancellationToken);
        }
    }

    /// <summary>The kept text of the log at <paramref name="relativePath"/>, or null when none is kept.</summary>
    public async Task<string?> ReadAsync(string relativePath, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(relativePath, cancellationToken) is not { } log)
        {
            return null;
        }

        await using var unzip = new GZipStream(new MemoryStream(log.Gzip), CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static async Task<byte[]> CompressAsync(string path, string relative, string? note, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        var length = file.Length;
        using var packed = new MemoryStream();
        await using (var zip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            if (note is not null)
            {
                await zip.WriteAsync(Encoding.UTF8.GetBytes(note), cancellationToken);
            }

            if (length > MaxKeptBytes)
            {
                await zip.WriteAsync(Encoding.UTF8.GetBytes(TruncationNote(relative, length)), cancellationToken);
                file.Seek(-MaxKeptBytes, SeekOrigin.End);
                SkipPartialCharacter(file);
            }

            await file.CopyToAsync(zip, cancellationToken);
        }

        return packed.ToArray();
    }

    /// <summary>Cut at a byte offset, the text may start inside a UTF-8 sequence: its continuation bytes are dropped.</summary>
    private static void SkipPartialCharacter(FileStream file)
    {
        var start = file.Position;
        while (file.ReadByte() is >= 0x80 and < 0xC0)
        {
            start++;
        }

        file.Position = start;
    }

    private static string SoFarNote(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture,
        $"[IaCBot kept this copy at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC while the run was still going: anything printed later is only on the replica that ran it.]\n");

    private static string TruncationNote(string relative, long length) => string.Create(CultureInfo.InvariantCulture,
        $"[IaCBot kept only the last {MaxKeptBytes / 1024} KiB of this {length / 1024} KiB log; the whole log is {relative} on the replica that ran it.]\n");
}
