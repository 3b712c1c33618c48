using DocSync.Core.Organizing;

namespace DocSync.Core.Collect.Intake;

/// <summary>
/// A file downloaded and read, ready to be filed in the inbox (or why it cannot be): the part of a
/// file's intake that touches no database, so several run at once. Holds its temporary files until
/// disposed.
/// </summary>
internal sealed class PreparedFile : IAsyncDisposable
{
    private readonly IAsyncDisposable? _download;
    private readonly IDisposable? _zip;

    private PreparedFile(IAsyncDisposable? download, IDisposable? zip)
    {
        _download = download;
        _zip = zip;
    }

    /// <summary>The download failed in a way that may pass: the file is tried again later.</summary>
    public bool DownloadFailed { get; private init; }

    /// <summary>Why it is not filed (a <see cref="CollectReasons"/> code), when it is not.</summary>
    public string? Reason { get; private init; }

    /// <summary>The reason in words, or a note on what was filed (a zip: how many files, what was left out).</summary>
    public string? Detail { get; private init; }

    /// <summary>How long Dropbox asked to wait before trying again, when it did.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>What goes into the inbox: one part, or a zip's readable files.</summary>
    public IReadOnlyList<PreparedPart> Parts { get; private init; } = [];

    /// <summary>Whether the parts come from a zip (a zip's detail is known before filing).</summary>
    public bool FromZip { get; private init; }

    /// <summary>Milliseconds downloading.</summary>
    public int DownloadMs { get; init; }

    /// <summary>Milliseconds reading the parts filed.</summary>
    public int ReadMs { get; private init; }

    public static PreparedFile FailedDownload(string reason, string detail, TimeSpan? retryAfter = null) =>
        new(null, null) { DownloadFailed = true, Reason = reason, Detail = detail, RetryAfter = retryAfter };

    public static PreparedFile Refused(string reason, string detail, int downloadMs, IAsyncDisposable? download = null, IDisposable? zip = null) =>
        new(download, zip) { Reason = reason, Detail = detail, DownloadMs = downloadMs };

    public static PreparedFile One(PreparedPart part, int downloadMs, IAsyncDisposable download) =>
        new(download, null) { Parts = [part], DownloadMs = downloadMs, ReadMs = part.ReadMs };

    public static PreparedFile Zip(IReadOnlyList<PreparedPart> parts, string detail, int downloadMs, IAsyncDisposable download, IDisposable zip) =>
        new(download, zip) { Parts = parts, Detail = detail, FromZip = true, DownloadMs = downloadMs, ReadMs = parts.Sum(p => p.ReadMs) };

    public async ValueTask DisposeAsync()
    {
        _zip?.Dispose();
        if (_download is not null)
        {
            await _download.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>One file to file in the inbox, read.</summary>
/// <param name="SourceRef">Its source identity in the inbox (account, file id, content hash, and its place in a zip): the inbox files it once.</param>
/// <param name="Name">Its sanitized name.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Open">Opens its bytes from the start.</param>
/// <param name="Reading">What reading found.</param>
/// <param name="Note">A note for the history (filed without text, and why), if any.</param>
/// <param name="ReadMs">Milliseconds reading it.</param>
internal sealed record PreparedPart(string SourceRef, string Name, string ContentType, Func<Stream> Open, InboxReading Reading, string? Note, int ReadMs);
