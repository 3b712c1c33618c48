using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Faults;

/// <summary>
/// The exact answer of each injectable HTTP fault: status, content type, body and headers as
/// Dropbox (or the proxy in front of it) sends them. The sources are listed in docs/emulator.md.
/// </summary>
public static class FaultForms
{
    /// <summary>The plain-text 429 body (the official Go SDK's own fixture for this form).</summary>
    public const string PlainRateLimitBody = "too_many_requests";

    /// <summary>What the edge proxy (Envoy, <c>Server: envoy</c>) answers itself when no API server answered in time or at all.</summary>
    public const string EdgeUnavailableBody = "upstream connect error or disconnect/reset before headers. reset reason: connection failure";

    public const string EdgeTimeoutBody = "upstream request timeout";

    /// <summary>A gateway's own HTML error page (no JSON, no request id).</summary>
    public const string EdgeHtmlBody =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

    /// <summary>Retry-After of a 429 whose rule named none: <c>RateLimitError.retry_after</c>'s default in the spec.</summary>
    public const int DefaultRetryAfterSeconds = 1;

    /// <summary>The answer for <paramref name="kind"/>; null for kinds that are no HTTP answer (reset, drop, latency).</summary>
    public static FaultForm? For(string kind, int? retryAfterSeconds)
    {
        var wait = retryAfterSeconds ?? DefaultRetryAfterSeconds;
        return kind switch
        {
            FaultKind.TooManyRequests or FaultKind.TooManyWriteOperations => RateLimit(kind, wait),
            FaultKind.PlainTooManyRequests => new FaultForm(429, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(PlainRateLimitBody), wait, FromApiServer: true),
            FaultKind.InternalServerError => new FaultForm(500, "text/plain; charset=utf-8", [], retryAfterSeconds, FromApiServer: true),
            FaultKind.ServiceUnavailable => new FaultForm(503, "text/plain; charset=utf-8", [], retryAfterSeconds, FromApiServer: true),
            FaultKind.EdgeBadGateway => new FaultForm(502, "text/html", Encoding.UTF8.GetBytes(EdgeHtmlBody), retryAfterSeconds, FromApiServer: false),
            FaultKind.EdgeServiceUnavailable => new FaultForm(503, "text/plain", Encoding.UTF8.GetBytes(EdgeUnavailableBody), retryAfterSeconds, FromApiServer: false),
            FaultKind.EdgeGatewayTimeout => new FaultForm(504, "text/plain", Encoding.UTF8.GetBytes(EdgeTimeoutBody), retryAfterSeconds, FromApiServer: false),
            _ => null,
        };
    }

    /// <summary>A 429 with a JSON <c>RateLimitError</c>, as the API servers send it.</summary>
    public static FaultForm RateLimit(string reason, int retryAfterSeconds)
    {
        var body = new JsonObject
        {
            ["error_summary"] = reason + "/..",
            ["error"] = new JsonObject
            {
                ["reason"] = new JsonObject { [".tag"] = reason },
                ["retry_after"] = retryAfterSeconds,
            },
        };
        return new FaultForm(429, "application/json", Wire.DropboxJson.SerializeToUtf8(body), retryAfterSeconds, FromApiServer: true);
    }
}

/// <summary>
/// One fault answer. <see cref="FromApiServer"/>: it carries <c>X-Dropbox-Request-Id</c> (the API
/// servers' answers do; an edge proxy's own answer does not, and names itself in <c>Server</c>).
/// </summary>
public sealed record FaultForm(int Status, string ContentType, byte[] Body, int? RetryAfterSeconds, bool FromApiServer)
{
    public string? RetryAfterHeader => RetryAfterSeconds?.ToString(CultureInfo.InvariantCulture);
}
