namespace DocSync.Web.Tests.Export.Crash;

/// <summary>The child processes' output, every life appended to one file; its tail explains a failure.</summary>
public sealed class ProcessLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock _gate = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private bool _closed;

    public string Path { get; } = path;

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            if (!_closed)
            {
                _writer.WriteLine($"[{_clock.Elapsed.TotalSeconds,8:0.000}] {line}");
            }
        }
    }

    /// <summary>The last <paramref name="lines"/> lines written.</summary>
    public string Tail(int lines = 80)
    {
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var tail = new Queue<string>(lines);
        while (reader.ReadLine() is { } line)
        {
            if (tail.Count == lines)
            {
                tail.Dequeue();
            }
            tail.Enqueue(line);
        }
        return string.Join('\n', tail);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
