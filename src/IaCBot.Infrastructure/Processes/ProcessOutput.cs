using System.Text;
using IaCBot.Core.Processes;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// What a running program prints on both its streams, in the order it arrives: appended to its log file at once and
/// its end kept in memory; standard output goes to its own file instead when the spec names one. The log is flushed
/// every <see cref="FlushInterval"/>, so that a reader following the file sees a slow program's progress without a
/// write to disk for every line of a fast one. Writes that come after <see cref="Dispose"/> (a stream still draining
/// as a stopped run ends) are dropped.
/// </summary>
internal sealed class ProcessOutput : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly OutputTail _tail;
    private readonly StreamWriter? _log;
    private readonly StreamWriter? _stdout;
    private readonly ITimer? _flush;
    private bool _closed;

    public ProcessOutput(int maxChars, string? logFile, string? stdoutFile, TimeProvider time)
    {
        _tail = new OutputTail(maxChars);
        _stdout = stdoutFile is null ? null : TextFiles.Open(stdoutFile, FileMode.Create);
        try
        {
            _log = logFile is null ? null : TextFiles.Open(logFile, FileMode.Append);
        }
        catch
        {
            _stdout?.Dispose();
            throw;
        }

        _flush = _log is null ? null : time.CreateTimer(_ => Flush(), null, FlushInterval, FlushInterval);
    }

    /// <summary>Standard output: to its own file when there is one, else as <see cref="Add"/>.</summary>
    public void AddStdout(string text)
    {
        if (_stdout is null)
        {
            Add(text);
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _stdout.Write(text);
            }
        }
    }

    /// <summary>Program output: to the log and the kept tail.</summary>
    public void Add(string text)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _log?.Write(text);
            _tail.Add(text);
        }
    }

    /// <summary>A line of IaCBot's own about the run (the command, how it ended), for the log only.</summary>
    public void Note(string line)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _log?.Write(line);
                _log?.Write('\n');
            }
        }
    }

    public (string Text, OmittedOutput? Omitted) Result()
    {
        lock (_gate)
        {
            return _tail.Result();
        }
    }

    public void Dispose()
    {
        _flush?.Dispose();
        lock (_gate)
        {
            _closed = true;
            _log?.Dispose();
            _stdout?.Dispose();
        }
    }

    private void Flush()
    {
        lock (_gate)
        {
            try
            {
                if (!_closed)
                {
                    _log?.Flush();
                }
            }
            catch (IOException)
            {
                // A full disk: the next write reports it to the run; a timer thread has nobody to tell.
            }
        }
    }
}
