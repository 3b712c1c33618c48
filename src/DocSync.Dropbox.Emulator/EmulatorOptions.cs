namespace DocSync.Dropbox.Emulator;

/// <summary>How an emulator instance listens and behaves.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Plain-HTTP loopback port; 0 picks a free one. Default 0.</summary>
    public int Port { get; set; }

    /// <summary>HTTPS loopback port; null serves no HTTPS, 0 picks a free one. Default null.</summary>
    public int? HttpsPort { get; set; }

    /// <summary>Host to bind. Default 127.0.0.1.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// PFX file to serve HTTPS with; when null a self-signed certificate for localhost,
    /// 127.0.0.1 and ::1 is generated (and kept in <see cref="DataDirectory"/> if set).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>. Default none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Folder that keeps state across restarts; null keeps everything in memory. Default null.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Seed for ids, revs and fault draws, so a run can be replayed. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Lifetime of short-lived access tokens from /oauth2/token. Default 4 hours, as Dropbox.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Upper bound on how long a longpoll really waits (its <c>timeout</c> is 30-480 s on the wire).
    /// Default null: the requested timeout, unshortened.
    /// </summary>
    public TimeSpan? LongpollMaxWait { get; set; }

    /// <summary>How long a commit waits for a busy namespace lock before answering 429 too_many_write_operations. Default 2 s.</summary>
    public TimeSpan NamespaceLockWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Extra time a commit holds the namespace lock, to make contention reproducible. Default zero.</summary>
    public TimeSpan CommitHoldTime { get; set; } = TimeSpan.Zero;

    /// <summary>How long a batch job answers in_progress before its result. Default zero.</summary>
    public TimeSpan AsyncJobDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Largest body one request may carry. Default 150 MiB, as Dropbox.</summary>
    public long MaxRequestBytes { get; set; } = 150L * 1024 * 1024;

    /// <summary>Redirect URIs registered for the seeded apps, matched exactly. Default none.</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>Clock; tests pass a fake one. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The secret every call of the admin API (<c>/_emulator/</c>) must carry, at least 16 characters.
    /// Default null: a random one per start, read from <see cref="DropboxEmulator.AdminSecret"/>.
    /// </summary>
    public string? AdminSecret { get; set; }

    /// <summary>
    /// Secret of the seeded full-Dropbox app (<c>docsync-dev-app</c>), which also signs its webhooks;
    /// also applied to a restored data folder. Default null: the public <c>docsync-dev-secret</c>.
    /// </summary>
    public string? AppSecret { get; set; }

    /// <summary>Journal size past which it is folded into a new snapshot (and past the snapshot's size). Tests make it small.</summary>
    internal long JournalCompactionBytes { get; set; } = Persistence.SnapshotStore.CompactionFloorBytes;

    /// <summary>
    /// Build shared and temporary links from <c>X-Forwarded-Proto</c> / <c>X-Forwarded-Host</c> (the
    /// emulator sits behind a TLS front that sets them). Default false: the request's own scheme and host.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Seed the default world (apps, accounts, a team). Default true.</summary>
    public bool SeedDefaultWorld { get; set; } = true;
}
