namespace DocSync.Dropbox.Emulator.Faults;

/// <summary>What can go wrong on a call.</summary>
public static class FaultKind
{
    /// <summary>429 with reason too_many_requests.</summary>
    public const string TooManyRequests = "too_many_requests";

    /// <summary>429 with reason too_many_write_operations (namespace lock contention).</summary>
    public const string TooManyWriteOperations = "too_many_write_operations";

    /// <summary>429 with a plain-text body (Dropbox sends this form too; it means too_many_requests).</summary>
    public const string PlainTooManyRequests = "plain_429";

    /// <summary>500 from the API servers: an empty text/plain body.</summary>
    public const string InternalServerError = "500";

    /// <summary>503 from the API servers: an empty text/plain body, no Retry-After unless the rule names one.</summary>
    public const string ServiceUnavailable = "503";

    /// <summary>502 from the edge: the gateway's own HTML page, no request id.</summary>
    public const string EdgeBadGateway = "edge_502";

    /// <summary>503 from the edge proxy (Envoy): its own plain-text reason, no request id.</summary>
    public const string EdgeServiceUnavailable = "edge_503";

    /// <summary>504 from the edge proxy (Envoy): "upstream request timeout", no request id.</summary>
    public const string EdgeGatewayTimeout = "edge_504";

    /// <summary>The connection drops before the call is applied (downloads: halfway through the body).</summary>
    public const string Reset = "reset";

    /// <summary>The call is applied, then the connection drops before any answer.</summary>
    public const string DropAfterApply = "drop_after_apply";

    /// <summary>Only latency; the call proceeds.</summary>
    public const string Latency = "latency";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        TooManyRequests, TooManyWriteOperations, PlainTooManyRequests, InternalServerError, ServiceUnavailable,
        EdgeBadGateway, EdgeServiceUnavailable, EdgeGatewayTimeout, Reset, DropAfterApply, Latency,
    };
}

/// <summary>
/// A fault rule: on calls to <see cref="Route"/> ("*" for all, "files/*" for a prefix), with
/// probability <see cref="Probability"/> drawn from the seeded generator, or on the next
/// <see cref="Count"/> calls when set, inject <see cref="Kind"/>. <see cref="RetryAfterSeconds"/>:
/// the wait a 429 names (default 1 s); on a 5xx a Retry-After header only when set.
/// </summary>
public sealed record FaultRule(
    string Kind,
    string Route = "*",
    double Probability = 1.0,
    int? Count = null,
    int? RetryAfterSeconds = null,
    int LatencyMs = 0,
    int LatencyMaxMs = 0)
{
    public bool Matches(string route) =>
        Route == "*"
        || Route == route
        || (Route.EndsWith("/*", StringComparison.Ordinal) && route.StartsWith(Route[..^1], StringComparison.Ordinal));
}

/// <summary>The outcome of a draw for one call.</summary>
public sealed record FaultDecision(string? Kind, TimeSpan Latency, int? RetryAfterSeconds)
{
    public static FaultDecision None { get; } = new(null, TimeSpan.Zero, null);
}

/// <summary>One injected fault, for inspection.</summary>
public sealed record FaultEvent(long Call, string Route, string Kind);
