using System.Collections.Concurrent;

namespace DocSync.Dropbox.Tests.Infrastructure;

/// <summary>Counts requests by path (e.g. <c>/2/files/upload</c>, <c>/oauth2/token</c>) on their way to the emulator.</summary>
public sealed class RequestCounter : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public RequestCounter()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    public int this[string path] => _counts.GetValueOrDefault(path);

    public int Total => _counts.Values.Sum();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _counts.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, n) => n + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
