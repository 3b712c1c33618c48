using Microsoft.Extensions.Logging;

namespace DocSync.Core.Reading;

/// <summary>Log messages about reading documents, with stable event ids (29xx). Never document text, never file names.</summary>
internal static partial class ReadingLog
{
    [LoggerMessage(EventId = 2901, Level = LogLevel.Information,
        Message = "Read a {Kind} file of {Length} bytes: {Outcome} by {Method}, {Pages} pages, {Characters} characters, {Fields} fields, in {ElapsedMs} ms")]
    public static partial void Read(ILogger logger, FileKind kind, long length, ReadOutcome outcome, string method, int pages, int characters,
        int fields, long elapsedMs);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Debug, Message = "{Tool} ran in {ElapsedMs} ms")]
    public static partial void ToolRan(ILogger logger, string tool, long elapsedMs);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Warning, Message = "{Tool} exited with code {ExitCode} after {ElapsedMs} ms")]
    public static partial void ToolFailed(ILogger logger, string tool, int exitCode, long elapsedMs);

    [LoggerMessage(EventId = 2904, Level = LogLevel.Warning, Message = "{Tool} took longer than {Timeout} and was stopped with its child processes")]
    public static partial void ToolTimedOut(ILogger logger, string tool, TimeSpan timeout);

    [LoggerMessage(EventId = 2905, Level = LogLevel.Error, Message = "{Tool} could not be started: {Reason}")]
    public static partial void ToolMissing(ILogger logger, string tool, string reason);

    [LoggerMessage(EventId = 2906, Level = LogLevel.Information, Message = "The PDF could not be opened ({ExceptionType})")]
    public static partial void PdfUnreadable(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2907, Level = LogLevel.Warning, Message = "Could not delete the reading folder {Path} ({Reason})")]
    public static partial void CleanupFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 2908, Level = LogLevel.Error, Message = "Reading a {Kind} file failed unexpectedly")]
    public static partial void Crashed(ILogger logger, FileKind kind, Exception exception);
}
