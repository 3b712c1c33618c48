using DocSync.Dropbox;
using DocSync.Dropbox.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Dropbox client with <c>IHttpClientFactory</c>.</summary>
public static class DropboxServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses.</summary>
    public const string HttpClientName = "DocSync.Dropbox";

    /// <summary>
    /// Registers <see cref="DropboxClient"/> and <see cref="DropboxOAuth"/> (transient, over a named
    /// <see cref="HttpClient"/> with no redirects and no overall timeout: attempts time out by
    /// <see cref="DropboxClientOptions.AttemptTimeout"/>), validated <see cref="DropboxClientOptions"/>,
    /// and <see cref="TimeProvider.System"/> unless one is registered. Returns the HTTP client builder,
    /// to add handlers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (e.g. emulator base URIs).</param>
    /// <param name="tokenProvider">Makes the token provider for a client.</param>
    public static IHttpClientBuilder AddDropboxClient(this IServiceCollection services, Action<DropboxClientOptions> configure,
        Func<IServiceProvider, IDropboxTokenProvider> tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        services.AddOptions<DropboxClientOptions>()
            .Configure(configure)
            .Validate(options =>
            {
                options.Validate();
                return true;
            });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DropboxCallLogger>();
        services.AddTransient(sp => new DropboxOAuth(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<DropboxClientOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddTransient(sp => new DropboxClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            tokenProvider(sp),
            sp.GetRequiredService<IOptions<DropboxClientOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<DropboxClient>>()));
        return services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .AddLogger<DropboxCallLogger>()
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(30),
            });
    }
}
