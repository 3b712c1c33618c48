namespace DocSync.Web.Bench;

/// <summary>What one client saw in one phase; only that client's task writes it.</summary>
internal sealed class ClientTally
{
    public List<long> LatencyTicks { get; } = new(4096);

    public List<CreatedDocument> Created { get; } = new(4096);

    public Dictionary<int, int> Statuses { get; } = [];

    /// <summary>The first few failures (status or exception, then the body), for the report.</summary>
    public List<string> FailureSamples { get; } = [];

    public int Errors { get; set; }
}
