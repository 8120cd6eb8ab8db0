using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IaCBot.Core.Projects.Modules.GitIndex;

/// <summary>
/// Reads git's index file (<c>.git/index</c>, versions 2, 3 and 4) for the configuration files it tracks. Anything it
/// does not fully understand gives null, and the caller walks the checkout instead: a checksum that does not match (a
/// torn or corrupt file, a SHA-256 repository, <c>index.skipHash</c>), another version, a mandatory extension (split or
/// sparse index), an entry in conflict, with extended flags (skip-worktree, intent-to-add) or naming a submodule.
/// Format: https://git-scm.com/docs/index-format.
/// </summary>
internal static class IndexFile
{
    private const int HashSize = 20;
    private const int HeaderSize = 12;
    private const int FixedEntrySize = 62;

    // Like the walk, which enters directories 63 levels below the root at most.
    private const int MaxSlashes = 63;

    public static TrackedFiles? TryRead(string path)
    {
        using var handle = File.OpenHandle(path);
        var written = File.GetLastWriteTimeUtc(handle).Ticks;
        var length = RandomAccess.GetLength(handle);
        if (length is < HeaderSize + HashSize or > int.MaxValue)
        {
            return null;
        }

        var data = new byte[length];
        var read = 0;
        for (var count = -1; read < data.Length && count != 0; read += count)
        {
            count = RandomAccess.Read(handle, data.AsSpan(read), read);
        }

        return read == data.Length && Parse(data) is { } entries ? new TrackedFiles(entries, written) : null;
    }

    internal static List<IndexEntry>? Parse(ReadOnlySpan<byte> data)
    {
        var body = data[..^HashSize];
#pragma warning disable CA5350 // The index's own checksum is SHA-1: it tells a whole file from a torn or foreign one.
        if (!SHA1.HashData(body).AsSpan().SequenceEqual(data[^HashSize..]) || !body.StartsWith("DIRC"u8))
#pragma warning restore CA5350
        {
            return null;
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        var count = BinaryPrimitives.ReadUInt32BigEndian(body[8..]);
        if (version is < 2 or > 4)
        {
            return null;
        }

        var reader = new EntryReader((int)version);
        var entries = new List<IndexEntry>();
        var position = HeaderSize;
        for (var i = 0u; i < count; i++)
        {
            if (!reader.TryRead(body, ref position, out var entry))
            {
                return null;
            }

            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return OnlyOptionalExtensions(body[position..]) ? entries : null;
    }

    /// <summary>Extensions whose signature starts with A..Z may be ignored; any other changes what the entries mean.</summary>
    private static bool OnlyOptionalExtensions(ReadOnlySpan<byte> rest)
    {
        while (rest.Length >= 8)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(rest[4..]);
            if (rest[0] is < (byte)'A' or > (byte)'Z' || size > rest.Length - 8)
            {
                return false;
            }

            rest = rest[(8 + (int)size)..];
        }

        return rest.IsEmpty;
    }

    /// <summary>
    /// Reads entries in order, keeping the previous path: version 4 writes each path as how many bytes to drop from the
    /// previous one's end, then the new suffix.
    /// </summary>
    private sealed class EntryReader(int version)
    {
        private byte[] previous = new byte[256];
        private int previousLength;

        /// <summary>False when the entry cannot be read or rules the index out; a null entry is one to skip.</summary>
        public bool TryRead(ReadOnlySpan<byte> body, ref int position, out IndexEntry? entry)
        {
            entry = null;
            if (position > body.Length - FixedEntrySize)
            {
                return false;
            }

            var fixedPart = body.Slice(position, FixedEntrySize);
            var flags = BinaryPrimitives.ReadUInt16BigEndian(fixedPart[60..]);
            var extended = (flags & 0x4000) != 0;
            var mode = BinaryPrimitives.ReadUInt32BigEndian(fixedPart[24..]);
            var type = mode >> 12;
            if (extended || (flags & 0x3000) != 0 || type is not (0b1000 or 0b1010))
            {
                return false;
            }

            var start = position + FixedEntrySize;
            if (!TryReadPath(body, start, out var end))
            {
                return false;
            }

            // Versions 2 and 3 pad each entry with 1 to 8 NULs to a multiple of 8 bytes; version 4 does not pad.
            position = version == 4 ? end + 1 : position + ((end - position + 8) & ~7);
            if (position > body.Length)
            {
                return false;
            }

            var path = previous.AsSpan(0, previousLength);
            if (IsCandidate(path))
            {
                entry = Entry(fixedPart, Encoding.UTF8.GetString(path), type == 0b1010);
            }

            return true;
        }

        /// <summary>Reads the path starting at <paramref name="start"/> into <see cref="previous"/>; end is its NUL.</summary>
        private bool TryReadPath(ReadOnlySpan<byte> body, int start, out int end)
        {
            var keep = 0;
            if (version == 4)
            {
                if (!TryReadVarint(body, ref start, out var drop) || drop > (ulong)previousLength)
                {
                    end = 0;
                    return false;
                }

                keep = previousLength - (int)drop;
            }

            var nul = body[start..].IndexOf((byte)0);
            end = start + nul;
            if (nul < 0)
            {
                return false;
            }

            if (keep + nul > previous.Length)
            {
                Array.Resize(ref previous, Math.Max(previous.Length * 2, keep + nul));
            }

            body.Slice(start, nul).CopyTo(previous.AsSpan(keep));
            previousLength = keep + nul;
            return true;
        }

        /// <summary>git's offset varint (varint.c): 7 bits a byte, high bit set on all but the last, plus one per continuation.</summary>
        private static bool TryReadVarint(ReadOnlySpan<byte> body, ref int position, out ulong value)
        {
            value = 0;
            for (var i = 0; position < body.Length && i < 9; i++)
            {
                var b = body[position++];
                value = i == 0 ? (ulong)(b & 127u) : ((value + 1) << 7) | (b & 127u);
                if ((b & 128) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A configuration file's path the walk would reach: not under <c>.git</c> or <c>.terraform</c>, not too deep.</summary>
    private static bool IsCandidate(ReadOnlySpan<byte> path)
    {
        if (path.IsEmpty || path[^1] is not ((byte)'f' or (byte)'u' or (byte)'n') || path.Count((byte)'/') > MaxSlashes)
        {
            return false;
        }

        var dir = path[..Math.Max(0, path.LastIndexOf((byte)'/'))];
        foreach (var range in dir.Split((byte)'/'))
        {
            if (dir[range].SequenceEqual(".terraform"u8) || dir[range].SequenceEqual(".git"u8))
            {
                return false;
            }
        }

        return TerraformFiles.IsConfiguration(Encoding.UTF8.GetString(path));
    }

    private static IndexEntry Entry(ReadOnlySpan<byte> fixedPart, string path, bool isLink)
    {
        var seconds = BinaryPrimitives.ReadUInt32BigEndian(fixedPart[8..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(fixedPart[12..]);
        var ticks = DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (long)(nanoseconds / 100);
        var size = BinaryPrimitives.ReadUInt32BigEndian(fixedPart[36..]);
        return new IndexEntry(path, isLink, size, ticks, Convert.ToHexString(fixedPart.Slice(40, HashSize)));
    }
}
