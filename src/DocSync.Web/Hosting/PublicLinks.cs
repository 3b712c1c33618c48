using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>
/// Absolute links to DocSync, always from the configured public address
/// (<see cref="WebOptions.PublicUri"/>), never from a request's Host header: a forged Host cannot
/// send an invitation or an OAuth code elsewhere. Without the setting, the address DocSync itself
/// listens on (a wildcard host read as <c>localhost</c>).
/// </summary>
public sealed class PublicLinks(IOptions<WebOptions> options, IServer server, IConfiguration configuration)
{
    /// <summary>The public address, ending with a slash.</summary>
    public Uri Base => Resolve(options.Value.PublicUri,
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? configuration["urls"]);

    /// <summary>An absolute link to <paramref name="path"/> (e.g. <c>/invitation/…</c>).</summary>
    /// <param name="path">A path starting with a slash.</param>
    public Uri To(string path) => new(Base, (path ?? "/").TrimStart('/'));

    /// <summary>The public address from the setting, else from the first listening URL.</summary>
    /// <param name="configured">The <c>PublicUri</c> setting.</param>
    /// <param name="urls">The listening addresses (<c>;</c>-separated).</param>
    internal static Uri Resolve(Uri? configured, string? urls)
    {
        if (configured is not null)
        {
            return configured.AbsoluteUri.EndsWith('/') ? configured : new Uri(configured.AbsoluteUri + "/");
        }

        var first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:5180";
        first = first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(first.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : new Uri("http://localhost:5180/");
    }
}
