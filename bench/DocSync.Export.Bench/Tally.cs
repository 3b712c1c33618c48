using System.Diagnostics;

namespace DocSync.Export.Bench;

/// <summary>What DocSync's process and the emulator spent between two moments: requests, database commands, CPU, rounds.</summary>
internal sealed record Tally(
    RequestCounts Requests, TimeSpan DropboxBusy, long Commands, TimeSpan DatabaseBusy, TimeSpan Cpu, TimeSpan EmulatorCpu, int Rounds, long Tasks, long Timestamp)
{
    public static Tally Take(BenchHost host, EmulatorProcess emulator, WorkerRunner worker) => new(
        host.Dropbox.Snapshot(), host.Dropbox.Clock.Busy, host.Commands.Count, host.Commands.Clock.Busy, Process.GetCurrentProcess().TotalProcessorTime,
        emulator.CpuTime, worker.Rounds, worker.Tasks, Stopwatch.GetTimestamp());

    public static Tally operator -(Tally later, Tally earlier) => new(
        later.Requests - earlier.Requests, later.DropboxBusy - earlier.DropboxBusy, later.Commands - earlier.Commands, later.DatabaseBusy - earlier.DatabaseBusy,
        later.Cpu - earlier.Cpu, later.EmulatorCpu - earlier.EmulatorCpu,
        later.Rounds - earlier.Rounds, later.Tasks - earlier.Tasks, later.Timestamp - earlier.Timestamp);

    /// <summary>Wall time of a difference (<c>later - earlier</c>).</summary>
    public TimeSpan Wall => TimeSpan.FromSeconds((double)Timestamp / Stopwatch.Frequency);
}
