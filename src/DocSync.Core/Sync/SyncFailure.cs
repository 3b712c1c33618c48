using DocSync.Dropbox;

namespace DocSync.Core.Sync;

/// <summary>What a failure means for the work, worst last: several failures of one item keep the worst.</summary>
public enum SyncFailureKind
{
    /// <summary>This item tries again later (backoff, never sooner than Dropbox asked).</summary>
    RetryItem = 1,

    /// <summary>Every item of the connection waits (e.g. the Dropbox account is full); attempts are not counted.</summary>
    ConnectionBlocked = 2,

    /// <summary>This item cannot succeed as it is (a refused path, no permission): it waits for a person.</summary>
    ItemDead = 3,

    /// <summary>Dropbox refused the connection's grant: the whole connection waits for a new link.</summary>
    NeedsRelink = 4,
}

/// <summary>A failure, classified.</summary>
/// <param name="Kind">What it means for the work.</param>
/// <param name="Code">A short stable code (a Dropbox error tag, <c>network_error</c>…).</param>
/// <param name="Message">For people.</param>
/// <param name="RetryAfter">How long Dropbox asked to wait, if it did.</param>
/// <param name="Error">The exception, when there was one.</param>
public sealed record SyncFailure(SyncFailureKind Kind, string Code, string Message, TimeSpan? RetryAfter = null, Exception? Error = null);

/// <summary>
/// The one place that says what a failure talking to Dropbox means, for every engine: whether an
/// exception is such a failure at all (anything else is a bug and is not swallowed), and whether the
/// item retries, is dead, blocks the connection, or the connection needs a new link.
/// </summary>
public static class FailureClassifier
{
    /// <summary>Whether <paramref name="error"/> is a failure of Dropbox or of reaching it (and not our own cancellation or a bug).</summary>
    /// <param name="error">The exception.</param>
    /// <param name="cancellationToken">The work's token: a cancellation it asked for is not a failure.</param>
    public static bool IsDropboxFailure(Exception error, CancellationToken cancellationToken) =>
        error is DropboxApiException or IOException or HttpRequestException or InvalidDataException
        || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Classifies an exception (see <see cref="IsDropboxFailure"/> for which ones are failures).</summary>
    /// <param name="error">The exception.</param>
    public static SyncFailure Classify(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            DropboxApiException api => ClassifyTag(api.ErrorTag.Length > 0 ? api.ErrorTag : $"http_{api.StatusCode}", api),
            InvalidDataException => new SyncFailure(SyncFailureKind.RetryItem, "corrupt_transfer",
                "What Dropbox sent did not match its content hash: " + error.Message, Error: error),
            _ => new SyncFailure(SyncFailureKind.RetryItem, DropboxErrorTags.NetworkError, "Dropbox could not be reached: " + Short(error.Message), Error: error),
        };
    }

    /// <summary>Classifies a Dropbox error tag (of a batch entry, or of <paramref name="error"/>).</summary>
    /// <param name="tag">The tag path, e.g. <c>path/insufficient_space</c>.</param>
    /// <param name="error">The exception that carried it, if any.</param>
    public static SyncFailure ClassifyTag(string tag, Exception? error)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (error is DropboxAuthException)
        {
            return new SyncFailure(SyncFailureKind.NeedsRelink, tag, ConnectionNeedsRelinkException.Refused, Error: error);
        }
        if (tag.Contains(DropboxErrorTags.InsufficientSpace, StringComparison.Ordinal))
        {
            return new SyncFailure(SyncFailureKind.ConnectionBlocked, DropboxErrorTags.InsufficientSpace,
                "The Dropbox account is full: free some space or upgrade it; DocSync keeps every file queued and tries again.", Error: error);
        }
        if (tag.Contains(DropboxErrorTags.MalformedPath, StringComparison.Ordinal) || tag.Contains(DropboxErrorTags.DisallowedName, StringComparison.Ordinal))
        {
            return new SyncFailure(SyncFailureKind.ItemDead, tag, $"Dropbox refused the path ({tag}); change the layout, then retry.", Error: error);
        }
        if (tag.Contains(DropboxErrorTags.NoWritePermission, StringComparison.Ordinal) || tag.Contains("team_folder", StringComparison.Ordinal))
        {
            return new SyncFailure(SyncFailureKind.ItemDead, tag, $"The account may not write there ({tag}); choose another folder, then retry.", Error: error);
        }
        return new SyncFailure(SyncFailureKind.RetryItem, tag, $"Dropbox answered {tag}; trying again later.", (error as DropboxApiException)?.RetryAfter, error);
    }

    /// <summary>A short description of a failure for a log line or a person: Dropbox's tag, the HTTP status, or the message.</summary>
    /// <param name="error">The exception.</param>
    public static string Describe(Exception error) => error switch
    {
        DropboxApiException api => api.ErrorTag.Length > 0 ? api.ErrorTag : $"HTTP {api.StatusCode}",
        null => "",
        _ => Short(error.Message),
    };

    private static string Short(string message) => message.Length > 200 ? message[..200] : message;
}
