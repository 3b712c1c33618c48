namespace DocSync.Core.Collect;

/// <summary>Collection settings (<c>DocSync:Collect</c>).</summary>
public sealed class CollectOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Collect";

    /// <summary>Whether this instance runs channels (schedules, real time). "Run now" works either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due channels.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file changed longer ago than this is taken at first sight; a younger one must keep its revision across two looks.</summary>
    public TimeSpan StableAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How soon a file seen still changing is looked at again.</summary>
    public TimeSpan RecheckDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest file collected, in bytes (default 100 MiB).</summary>
    public long MaxFileSize { get; set; } = 100L * 1024 * 1024;

    /// <summary>Most files taken out of one zip.</summary>
    public int MaxZipEntries { get; set; } = 200;

    /// <summary>Most bytes taken out of one zip, all files together (default 200 MiB).</summary>
    public long MaxZipBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest ratio of a zip entry's size to its compressed size (a zip bomb has thousands).</summary>
    public int MaxZipRatio { get; set; } = 200;

    /// <summary>How long one longpoll waits for changes (Dropbox allows 30 s to 480 s).</summary>
    public TimeSpan LongpollTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The time zone new channels read their schedule in.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Brussels";

    /// <summary>How long a run's history (runs and their files) is kept.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>This instance's name in channel leases (default: the machine name).</summary>
    public string? InstanceId { get; set; }

    /// <summary>How long a channel lease lasts without renewal.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How soon a file whose download or reading failed is tried again (by the first run of any kind
    /// after it); each next failure triples the delay up to <see cref="MaxRetryDelay"/>. A run Dropbox
    /// failed is tried again on the same terms. Default 30 s.
    /// </summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay before a failed file or run is tried again. Default 15 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How failed files and runs are spaced (±20 % jitter, never sooner than Dropbox asked).</summary>
    public Sync.BackoffShape RetryBackoff() => new(FirstRetryDelay, MaxRetryDelay);

    /// <summary>How a longpoll that failed waits before the next: 2 s doubling up to a minute.</summary>
    public static Sync.BackoffShape WatchBackoff() => new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), 2);

    /// <summary>The instance name used in leases.</summary>
    public string Instance => string.IsNullOrWhiteSpace(InstanceId) ? Environment.MachineName : InstanceId;
}
