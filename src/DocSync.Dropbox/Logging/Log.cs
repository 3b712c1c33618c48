using Microsoft.Extensions.Logging;

namespace DocSync.Dropbox.Logging;

/// <summary>The client's log messages, with stable event ids. Never tokens, never file contents.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Dropbox call {Route} failed (status {Status}, {ErrorTag}, request {RequestId}); attempt {Attempt} of {MaxAttempts}, retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string route, int status, string errorTag, string? requestId, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Dropbox said the access token expired on {Route}; renewing it once")]
    public static partial void AccessTokenExpired(ILogger logger, string route);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Dropbox access token renewed; it expires at {ExpiresAt}")]
    public static partial void AccessTokenRenewed(ILogger logger, DateTimeOffset? expiresAt);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Upload session offset corrected from {Offset} to {CorrectOffset}")]
    public static partial void OffsetCorrected(ILogger logger, long offset, long correctOffset);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Download of {Route} interrupted at byte {Offset}; resuming from there")]
    public static partial void DownloadResuming(ILogger logger, string route, long offset);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Write to {Path} answered {ErrorTag} on a retry; it had landed already (content hash matches)")]
    public static partial void WriteConfirmed(ILogger logger, string path, string errorTag);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Committed {Count} uploads in one finish_batch_v2")]
    public static partial void BatchCommitted(ILogger logger, int count);
}
