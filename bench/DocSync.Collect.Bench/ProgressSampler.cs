using System.Diagnostics;
using DocSync.Export.Bench;

namespace DocSync.Collect.Bench;

/// <summary>
/// Follows a run from outside, four times a second: files begun (DocSync's <c>files/download</c>
/// requests, which cost nothing to read), and the CPU of this process and of its tools. Tells
/// afterwards what each tenth of the files cost, to show whether a file costs more late in a run
/// than early (CPU, unlike wall time, is little moved by what else the machine runs).
/// </summary>
internal sealed class ProgressSampler
{
    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly CountingHandler _dropbox;
    private readonly int _base;
    private readonly Task _running;

    public ProgressSampler(CountingHandler dropbox)
    {
        _dropbox = dropbox;
        _base = dropbox.Snapshot().Route("files/download");
        _samples.Add(Take());
        _running = Task.Run(SampleAsync);
    }

    /// <summary>Stops sampling (at the end of the run) and returns, per tenth of <paramref name="files"/>: wall, this process's CPU and its tools' CPU, in ms per file.</summary>
    public async Task<IReadOnlyList<(double WallMs, double CpuMs, double ToolsMs)>> StopAsync(int files)
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        _samples.Add(Take());

        // Tenth k holds files [(k-1)N/10, kN/10); file i begins with the (i+1)th download, so a tenth
        // runs from its first file's download to the next tenth's (the last one, to the end of the run).
        var tenths = new List<(double, double, double)>();
        var from = _samples[0];
        for (var k = 1; k <= 10; k++)
        {
            var n = (k * files / 10) - ((k - 1) * files / 10);
            var to = k == 10 ? _samples[^1] : _samples.FirstOrDefault(s => s.Begun > k * files / 10);
            if (n == 0 || to is null)
            {
                continue;
            }
            tenths.Add((Stopwatch.GetElapsedTime(from.Timestamp, to.Timestamp).TotalMilliseconds / n, (to.Cpu - from.Cpu).TotalMilliseconds / n,
                (to.Tools - from.Tools).TotalMilliseconds / n));
            from = to;
        }
        return tenths;
    }

    private async Task SampleAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), _stop.Token);
                _samples.Add(Take());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Sample Take() => new(_dropbox.Snapshot().Route("files/download") - _base, Process.GetCurrentProcess().TotalProcessorTime, ChildCpu.Total(), Stopwatch.GetTimestamp());

    private sealed record Sample(int Begun, TimeSpan Cpu, TimeSpan Tools, long Timestamp);
}
