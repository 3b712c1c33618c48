namespace DocSync.Core.Export;

/// <summary>What one round of a connection's loop did.</summary>
/// <param name="Tasks">Tasks taken.</param>
/// <param name="Completed">Tasks finished (their documents are up to date in Dropbox).</param>
/// <param name="Retrying">Tasks that failed and will try again.</param>
/// <param name="Dead">Tasks that went to the dead-letter list.</param>
/// <param name="NextDue">When the earliest waiting task falls due, if any waits.</param>
public sealed record ExportRunResult(int Tasks, int Completed, int Retrying, int Dead, DateTimeOffset? NextDue)
{
    /// <summary>Nothing was ready.</summary>
    /// <param name="nextDue">When the earliest waiting task falls due.</param>
    public static ExportRunResult Idle(DateTimeOffset? nextDue) => new(0, 0, 0, 0, nextDue);
}
