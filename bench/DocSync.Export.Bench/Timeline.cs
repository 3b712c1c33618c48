namespace DocSync.Export.Bench;
internal static class Timeline
{
    public static System.Collections.Concurrent.ConcurrentQueue<(long T, string What)>? Events;
    public static void Add(string what) => Events?.Enqueue((System.Diagnostics.Stopwatch.GetTimestamp(), what));
}
