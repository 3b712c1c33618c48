using System.Collections.Concurrent;

namespace DocSync.Export.Bench;

/// <summary>Counts the Dropbox requests of one HttpClient, per route and per answer status.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
{
    private readonly ConcurrentDictionary<string, int> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();

    /// <summary>Time with at least one request in flight.</summary>
    public BusyClock Clock { get; } = new();

    /// <summary>The counts so far, to subtract from a later one.</summary>
    public RequestCounts Snapshot() => new(_routes.ToDictionary(StringComparer.Ordinal), _statuses.ToDictionary());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // "/2/files/upload_session/finish_batch_v2" → "files/upload_session/finish_batch_v2"
        var path = request.RequestUri!.AbsolutePath;
        _routes.AddOrUpdate(path.StartsWith("/2/", StringComparison.Ordinal) ? path[3..] : path.TrimStart('/'), 1, (_, n) => n + 1);
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
        }
    }
}
