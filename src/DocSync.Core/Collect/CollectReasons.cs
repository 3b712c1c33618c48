namespace DocSync.Core.Collect;

/// <summary>
/// Why a file was skipped or failed: stable codes (the UI words them in the person's language,
/// the CSV keeps them) and whether a later run tries again.
/// </summary>
public static class CollectReasons
{
    /// <summary>Collected before; it stayed where it was.</summary>
    public const string AlreadyCollected = "already-collected";

    /// <summary>Collected before under another name or folder: renamed or moved, not collected again.</summary>
    public const string RenamedOrMoved = "renamed-or-moved";

    /// <summary>The same content was already collected from another file.</summary>
    public const string DuplicateContent = "duplicate-content";

    /// <summary>A collected file whose content changed, and the channel keeps changed content out.</summary>
    public const string ContentChanged = "content-changed";

    /// <summary>Zero bytes.</summary>
    public const string Empty = "empty";

    /// <summary>Over the size limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>Not a PDF, an image or a zip of them.</summary>
    public const string UnsupportedType = "unsupported-type";

    /// <summary>A PDF that cannot be read.</summary>
    public const string CorruptPdf = "corrupt-pdf";

    /// <summary>An image that cannot be decoded.</summary>
    public const string DamagedImage = "damaged-image";

    /// <summary>A PDF that needs a password.</summary>
    public const string PasswordProtected = "password-protected";

    /// <summary>A zip that breaks a limit (size, count, nesting) or cannot be read.</summary>
    public const string UnsafeZip = "unsafe-zip";

    /// <summary>A zip with nothing collectable inside.</summary>
    public const string EmptyZip = "empty-zip";

    /// <summary>Dropbox does not let this file be downloaded (e.g. a Paper doc or a cloud-only format).</summary>
    public const string NotDownloadable = "not-downloadable";

    /// <summary>Dropbox could not be reached or failed; a later run tries again.</summary>
    public const string DropboxFailed = "dropbox-failed";

    /// <summary>The download did not match the file's content hash; a later run tries again.</summary>
    public const string CorruptDownload = "corrupt-download";

    /// <summary>Storing the file failed (disk full, database); a later run tries again.</summary>
    public const string StoreFailed = "store-failed";

    /// <summary>Changed recently; looked at again before it is taken.</summary>
    public const string StillChanging = "still-changing";

    /// <summary>Every code.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AlreadyCollected, RenamedOrMoved, DuplicateContent, ContentChanged, Empty, TooLarge, UnsupportedType, CorruptPdf, DamagedImage,
        PasswordProtected, UnsafeZip, EmptyZip, NotDownloadable, DropboxFailed, CorruptDownload, StoreFailed, StillChanging,
    ];

    /// <summary>Whether a failure with <paramref name="reason"/> is final for that content (a later run does not try again).</summary>
    /// <param name="reason">A code.</param>
    public static bool IsFinal(string? reason) => reason is not (DropboxFailed or CorruptDownload or StoreFailed or StillChanging);
}
