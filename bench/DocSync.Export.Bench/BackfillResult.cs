namespace DocSync.Export.Bench;

/// <summary>The backfill's figures: the profile's first copy of every document, through the real worker.</summary>
internal sealed record BackfillResult(
    Guid ProfileId,
    int Documents,
    int Files,
    TimeSpan Wall,
    Tally Spent,
    long PeakRss,
    long EmulatorPeakRss,
    IReadOnlyList<string> Problems)
{
    public double FilesPerSecond => Files / Wall.TotalSeconds;
}
