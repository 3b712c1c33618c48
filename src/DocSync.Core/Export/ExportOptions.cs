namespace DocSync.Core.Export;

/// <summary>Settings of the export engine (<c>DocSync:Export</c>).</summary>
public sealed class ExportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Export";

    /// <summary>Documents taken per round of a connection's loop. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Failed attempts before a task goes to the dead-letter list. Default 10 (about a day of backoff).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry's delay; each next one triples, up to <see cref="MaxRetryDelay"/>. Default 5 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between attempts. Default 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait before trying again when Dropbox is full. Default 15 minutes.</summary>
    public TimeSpan QuotaRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// This instance's name in loop leases. Default: the machine name, so a restarted process takes its
    /// loops back at once; give each instance its own when several run on one machine.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>How long a loop lease lasts without renewal (another instance may take the loop after). Default 60 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often an idle worker looks for work it was not woken for (another instance's changes,
    /// retries falling due). Default 5 s; wake-ups within the process are immediate.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often each profile checks that the files it put in Dropbox are still there (one
    /// <c>list_folder/continue</c> when nothing changed); a Dropbox webhook for the account checks at once.
    /// Default 15 minutes; zero leaves the check to webhooks alone.
    /// </summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Files found missing in Dropbox are put back at once up to this many per profile; more (a folder
    /// moved or deleted by hand?) wait for a person to choose "Put back" on the Dropbox page. Default 100;
    /// zero always asks.
    /// </summary>
    public int AskBeforePuttingBack { get; set; } = 100;

    /// <summary>How a failed task's retries are spaced: <see cref="FirstRetryDelay"/> tripling up to <see cref="MaxRetryDelay"/>, ±20 % jitter.</summary>
    public Sync.BackoffShape RetryBackoff() => new(FirstRetryDelay, MaxRetryDelay);

    /// <summary>How long a connection's loop waits after an unexpected failure before its next round: 2 s doubling up to a minute.</summary>
    public Sync.BackoffShape LoopBackoff() => new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), 2);

    /// <summary>The effective instance id.</summary>
    public string Instance => string.IsNullOrWhiteSpace(InstanceId) ? Environment.MachineName : InstanceId;
}
