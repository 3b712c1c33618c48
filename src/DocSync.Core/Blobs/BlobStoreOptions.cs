namespace DocSync.Core.Blobs;

/// <summary>Where and how big blobs are kept; bound from <c>DocSync:Blobs</c> and validated on start.</summary>
public sealed class BlobStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Blobs";

    /// <summary>The folder blobs live in (created if missing). Default <c>data/blobs</c>, relative to the working directory.</summary>
    public string RootPath { get; set; } = Path.Combine("data", "blobs");

    /// <summary>Largest blob accepted, in bytes. Default 100 MiB; between 1 byte and 4 GiB.</summary>
    public long MaxBlobBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// How old an unreferenced blob must be before the sweep removes it; it must outlast the longest
    /// write (bytes stored, then the row naming them committed). Default 1 day; 10 minutes to 365 days.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often the web host sweeps unreferenced blobs; <see cref="TimeSpan.Zero"/> turns the sweep off
    /// in this instance (e.g. when another instance sharing the folder sweeps). Default 6 hours; else 1 minute to 7 days.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);
}
