using System.Net;

namespace DocSync.Dropbox.Http;

/// <summary>
/// The one place that decides what is worth retrying: 429 (both reasons), 5xx, network failures
/// and timeouts, and error unions carrying <c>internal_error</c> or <c>too_many_write_operations</c>.
/// Everything else (400, 401, 403, 409 path errors, 422) is final.
/// </summary>
internal static class RetryClassifier
{
    public static bool IsTransient(int status, string tagPath)
    {
        if (status == 429 || status >= 500)
        {
            return true;
        }
        if (status is 401 or 400 or 403 or 422)
        {
            return false;
        }
        var tags = tagPath.Split('/');
        return tags.Contains(DropboxErrorTags.InternalError, StringComparer.Ordinal)
            || tags.Contains(DropboxErrorTags.TooManyWriteOperations, StringComparer.Ordinal);
    }

    /// <summary>
    /// A network failure or attempt timeout as a transient <see cref="DropboxApiException"/>; null for
    /// anything else, including the caller's own cancellation.
    /// </summary>
    public static DropboxApiException? AsNetworkFailure(string route, Exception error, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return null;
        }
        var network = error switch
        {
            HttpRequestException => true,
            IOException => true,
            OperationCanceledException => true, // the attempt's own timeout, since the caller did not cancel
            _ => false,
        };
        return network
            ? new DropboxApiException(route, 0, DropboxErrorTags.NetworkError, error.Message, null, null, isTransient: true, innerException: error)
            : null;
    }

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
