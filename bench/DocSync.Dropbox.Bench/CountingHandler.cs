using System.Collections.Concurrent;

namespace DocSync.Dropbox.Bench;

/// <summary>Counts requests per route and answers per status.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
{
    public ConcurrentDictionary<string, int> Routes { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<int, int> Statuses { get; } = new();

    public int Total => Routes.Values.Sum();

    public void Reset()
    {
        Routes.Clear();
        Statuses.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Routes.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, n) => n + 1);
        var response = await base.SendAsync(request, cancellationToken);
        Statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        return response;
    }
}
