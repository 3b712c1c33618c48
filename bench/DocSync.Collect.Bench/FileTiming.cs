namespace DocSync.Collect.Bench;

/// <summary>One collected file's <c>CollectionRunFiles</c> row: where its time went, as the runner recorded it.</summary>
internal sealed record FileTiming(SampleKind Kind, int DownloadMs, int ReadMs, int StoreMs)
{
    public int TotalMs => DownloadMs + ReadMs + StoreMs;
}
