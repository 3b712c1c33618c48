using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Json;
using DocSync.Dropbox.Logging;
using Microsoft.Extensions.Logging;

namespace DocSync.Dropbox.Http;

/// <summary>
/// Sends one Dropbox call in its style (RPC, upload, download) with the right headers, and owns the
/// retry loop: each attempt builds a new request whose body comes from the caller's factory (so a
/// retry re-sends the full bytes from their source), transient failures wait as
/// <see cref="RetryPolicy"/> says, and <c>expired_access_token</c> renews the token once.
/// </summary>
internal sealed class DropboxTransport(HttpClient http, DropboxClientOptions options, IDropboxTokenProvider tokens, TimeProvider time, ILogger logger)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue OctetType = new("application/octet-stream");

    public DropboxClientOptions Options => options;

    public RetryPolicy Retry { get; } = new(options, time);

    public ILogger Logger => logger;

    public TimeProvider Time => time;

    /// <summary>A copy bound to other options (select user, path root), sharing the HTTP client and token provider.</summary>
    public DropboxTransport With(DropboxClientOptions other) => new(http, other, tokens, time, logger);

    public async Task<T> RpcAsync<T>(string route, JsonNode? arg, CancellationToken cancellationToken,
        DropboxHost host = DropboxHost.Api, RouteAuth auth = RouteAuth.User, TimeSpan? attemptTimeout = null)
    {
        var bytes = await RpcRawAsync(route, arg, cancellationToken, host, auth, attemptTimeout).ConfigureAwait(false);
        return DropboxJson.Deserialize<T>(bytes, route);
    }

    public async Task<byte[]> RpcRawAsync(string route, JsonNode? arg, CancellationToken cancellationToken,
        DropboxHost host = DropboxHost.Api, RouteAuth auth = RouteAuth.User, TimeSpan? attemptTimeout = null, CallTrace? trace = null)
    {
        var body = Encoding.UTF8.GetBytes(DropboxJson.Serialize(arg));
        using var response = await SendAsync(route, host, auth, () => new ByteArrayContent(body) { Headers = { ContentType = JsonType } },
            null, null, HttpCompletionOption.ResponseContentRead, attemptTimeout, cancellationToken, trace).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An upload-style call: the argument in <c>Dropbox-API-Arg</c>, <paramref name="body"/> re-sent whole on every attempt.</summary>
    public async Task<T> UploadAsync<T>(string route, JsonNode arg, ReadOnlyMemory<byte> body, CancellationToken cancellationToken, CallTrace? trace = null)
    {
        using var response = await SendAsync(route, DropboxHost.Content, RouteAuth.User,
            () => new ReadOnlyMemoryContent(body) { Headers = { ContentType = OctetType } },
            DropboxJson.HeaderSafe(DropboxJson.Serialize(arg)), null, HttpCompletionOption.ResponseContentRead, null, cancellationToken, trace).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return DropboxJson.Deserialize<T>(bytes, route);
    }

    /// <summary>A download-style call: returns once headers arrive; the caller reads and disposes the body.</summary>
    /// <remarks>
    /// <paramref name="trace"/> carries the attempt count in and out, so a caller that resumes a broken
    /// body shares one attempt budget with this loop instead of stacking a second one on top.
    /// </remarks>
    public Task<HttpResponseMessage> DownloadAsync(string route, JsonNode arg, long fromOffset, CallTrace trace, CancellationToken cancellationToken)
    {
        var headers = fromOffset > 0 ? new Dictionary<string, string> { ["Range"] = $"bytes={fromOffset}-" } : null;
        return SendAsync(route, DropboxHost.Content, RouteAuth.User, () => null, DropboxJson.HeaderSafe(DropboxJson.Serialize(arg)),
            headers, HttpCompletionOption.ResponseHeadersRead, null, cancellationToken, trace, trace.Attempts + 1);
    }

    public async Task<HttpResponseMessage> SendAsync(string route, DropboxHost host, RouteAuth auth, Func<HttpContent?> content,
        string? argHeader, IReadOnlyDictionary<string, string>? headers, HttpCompletionOption completion, TimeSpan? attemptTimeout,
        CancellationToken cancellationToken, CallTrace? trace = null, int firstAttempt = 1)
    {
        var uri = new Uri(BaseFor(host), "2/" + route);
        var renewed = false;
        for (var attempt = firstAttempt; ; attempt++)
        {
            DropboxApiException failure;
            string? token = null;
            if (trace is not null)
            {
                trace.Attempts = attempt;
            }
            // The attempt timeout guards a stalled socket; it is wall-clock on purpose, unlike backoff delays.
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCts.CancelAfter(attemptTimeout ?? options.AttemptTimeout);
                try
                {
                    if (auth == RouteAuth.User)
                    {
                        token = await tokens.GetAccessTokenAsync(attemptCts.Token).ConfigureAwait(false);
                    }
                    using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
                    Decorate(request, auth, token, argHeader, headers);
                    var response = await http.SendAsync(request, completion, attemptCts.Token).ConfigureAwait(false);
                    if (RetryClassifier.IsSuccess(response.StatusCode))
                    {
                        return response;
                    }
                    using (response)
                    {
                        failure = await ErrorDecoder.DecodeAsync(route, response, options.DefaultRateLimitDelay, time, attemptCts.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (RetryClassifier.AsNetworkFailure(route, e, cancellationToken) is { } network)
                {
                    failure = network;
                }
                catch (DropboxApiException e) when (e.IsTransient)
                {
                    // The token endpoint itself failed transiently while renewing.
                    failure = e;
                }
            }

            if (!renewed && token is not null && failure is DropboxAuthException { ErrorTag: DropboxErrorTags.ExpiredAccessToken })
            {
                renewed = true;
                Log.AccessTokenExpired(logger, route);
                if (await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false) is not null)
                {
                    // A renewal is not a failed attempt: it does not use up the retry budget.
                    attempt--;
                    continue;
                }
            }
            if (!Retry.ShouldRetry(failure, attempt))
            {
                throw failure;
            }
            if (trace is not null && (failure.StatusCode == 0 || failure.StatusCode >= 500))
            {
                trace.MayHaveApplied = true;
            }
            var delay = Retry.DelayFor(failure, attempt);
            Log.Retrying(logger, route, failure.StatusCode, failure.ErrorTag, failure.RequestId, attempt, Retry.MaxAttempts, delay);
            await Retry.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri BaseFor(DropboxHost host) => host switch
    {
        DropboxHost.Content => options.ContentBaseUri,
        DropboxHost.Notify => options.NotifyBaseUri,
        _ => options.ApiBaseUri,
    };

    private void Decorate(HttpRequestMessage request, RouteAuth auth, string? token, string? argHeader, IReadOnlyDictionary<string, string>? headers)
    {
        switch (auth)
        {
            case RouteAuth.User:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            case RouteAuth.App:
                var pair = $"{options.AppKey}:{options.AppSecret}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
                break;
        }
        if (auth == RouteAuth.User)
        {
            if (options.SelectUser is { } member)
            {
                request.Headers.TryAddWithoutValidation("Dropbox-API-Select-User", member);
            }
            if (options.PathRoot is { } root)
            {
                request.Headers.TryAddWithoutValidation("Dropbox-API-Path-Root", DropboxJson.HeaderSafe(root.ToHeaderValue()));
            }
        }
        if (argHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("Dropbox-API-Arg", argHeader);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
