namespace DocSync.Export.Bench;

/// <summary>One way of uploading the baseline's files: how long, which requests, what the emulator spent.</summary>
internal sealed record UploadRun(int Files, TimeSpan Wall, RequestCounts Requests, TimeSpan EmulatorCpu, int Failed)
{
    public double FilesPerSecond => Files / Wall.TotalSeconds;
}
