using System.Buffers;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// A delivery's raw bytes, read into an array from the shared pool and given back when disposed. A payload is only
/// needed until it has been checked and read into an event, and at hundreds of deliveries a second a fresh array for
/// each was most of what the endpoint allocated, and so most of its garbage collections, which pause every request.
/// Arrays over <see cref="PooledUpTo"/> are allocated and left to the collector, so that one large payload does not
/// stay held by the pool.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    /// <summary>GitHub's largest usual payloads (a pull request with a long description) are tens of kilobytes.</summary>
    public const int PooledUpTo = 1024 * 1024;

    private byte[] _buffer;
    private int _capacity;
    private int _length;

    public RequestBody(int capacity)
    {
        _buffer = Take(capacity);
        _capacity = capacity;
    }

    public int Length => _length;

    /// <summary>True when as many bytes were read as the body was given room for.</summary>
    public bool Full => _length == _capacity;

    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

    /// <summary>The room left, for the next read to fill.</summary>
    public Memory<byte> Free => _buffer.AsMemory(_length, _capacity - _length);

    public void Advance(int read) => _length += read;

    /// <summary>More room, for a body sent in chunks without a Content-Length.</summary>
    public void Grow(int capacity)
    {
        var bigger = Take(capacity);
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        Give(_buffer);
        _buffer = bigger;
        _capacity = capacity;
    }

    public void Dispose()
    {
        Give(_buffer);
        _buffer = [];
        _capacity = _length = 0;
    }

    private static byte[] Take(int capacity) => capacity <= PooledUpTo ? ArrayPool<byte>.Shared.Rent(capacity) : new byte[capacity];

    private static void Give(byte[] buffer)
    {
        if (buffer.Length is > 0 and <= PooledUpTo)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
