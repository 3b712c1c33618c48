using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace DocSync.Dropbox.Logging;

/// <summary>
/// One debug line per Dropbox HTTP call (method, host and route, status, time), in place of the
/// HTTP client factory's four information lines per call. The query string is left out (it may hold
/// an authorization code) and so are the headers (tokens).
/// </summary>
public sealed partial class DropboxCallLogger(ILogger<DropboxCallLogger> logger) : IHttpClientLogger
{
    /// <inheritdoc />
    public object? LogRequestStart(HttpRequestMessage request) => null;

    /// <inheritdoc />
    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            CallDone(logger, request.Method.Method, request.RequestUri?.Host, request.RequestUri?.AbsolutePath, (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    /// <inheritdoc />
    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        CallFailed(logger, request?.Method.Method ?? "?", request?.RequestUri?.Host, request?.RequestUri?.AbsolutePath, exception?.GetType().Name ?? "?", elapsed.TotalMilliseconds);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Dropbox {Method} {Host}{Route} answered {Status} in {ElapsedMs:0} ms")]
    private static partial void CallDone(ILogger logger, string method, string? host, string? route, int status, double elapsedMs);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Dropbox {Method} {Host}{Route} failed ({Error}) after {ElapsedMs:0} ms")]
    private static partial void CallFailed(ILogger logger, string method, string? host, string? route, string error, double elapsedMs);
}
