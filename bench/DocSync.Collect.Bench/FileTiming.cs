namespace DocSync.Collect.Bench;

/// <summary>
/// One collected file's <c>CollectionRunFiles</c> row: where its time went, as the runner recorded it,
/// and the rest of the time since the file before's row (<see cref="OutsideMs"/>: the file before's
/// ledger save, lease renewal, and whatever else the runner does around the three steps it times).
/// </summary>
internal sealed record FileTiming(SampleKind Kind, int DownloadMs, int ReadMs, int StoreMs, double? OutsideMs)
{
    public int TotalMs => DownloadMs + ReadMs + StoreMs;
}
