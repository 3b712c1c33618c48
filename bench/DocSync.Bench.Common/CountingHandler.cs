using System.Collections.Concurrent;
using System.Diagnostics;

namespace DocSync.Bench.Common;

/// <summary>Counts the Dropbox requests of one HttpClient, per route and per answer status.</summary>
public sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
{
    private readonly ConcurrentDictionary<string, int> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, double> _milliseconds = new(StringComparer.Ordinal);

    /// <summary>Time with at least one request in flight.</summary>
    public BusyClock Clock { get; } = new();

    /// <summary>The counts so far, to subtract from a later one.</summary>
    public RequestCounts Snapshot() => new(_routes.ToDictionary(StringComparer.Ordinal), _statuses.ToDictionary(), _milliseconds.ToDictionary(StringComparer.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // "/2/files/upload_session/finish_batch_v2" → "files/upload_session/finish_batch_v2"
        var path = request.RequestUri!.AbsolutePath;
        var route = path.StartsWith("/2/", StringComparison.Ordinal) ? path[3..] : path.TrimStart('/');
        _routes.AddOrUpdate(route, 1, (_, n) => n + 1);
        var started = Stopwatch.GetTimestamp();
        Clock.Enter();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            return response;
        }
        finally
        {
            Clock.Exit();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            _milliseconds.AddOrUpdate(route, ms, (_, total) => total + ms);
        }
    }
}
