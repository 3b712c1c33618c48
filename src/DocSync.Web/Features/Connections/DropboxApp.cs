using DocSync.Core.Sync;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Web.Hosting;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Features.Connections;

/// <summary>
/// The Dropbox DocSync talks to: the real one when an app key is configured, otherwise the embedded
/// emulator (clearly labelled in the UI), otherwise none.
/// </summary>
public sealed class DropboxApp(IOptions<DropboxAppOptions> options, EmbeddedEmulatorService emulator, IHttpClientFactory http, TimeProvider time)
    : IDropboxConnector
{
    /// <summary>The named HTTP client used for Dropbox.</summary>
    public const string HttpClientName = "DocSync.Dropbox";

    /// <summary>Whether DocSync uses the embedded emulator.</summary>
    public bool Emulated => string.IsNullOrWhiteSpace(options.Value.AppKey) && emulator.BaseUri is not null;

    /// <summary>Whether accounts can be linked at all.</summary>
    public bool Available => !string.IsNullOrWhiteSpace(options.Value.AppKey) || emulator.BaseUri is not null;

    /// <summary>Whether the app is an app-folder app.</summary>
    public bool AppFolder => !Emulated && options.Value.AppFolder;

    /// <summary>The origin of the consent page (for the content security policy).</summary>
    public string AuthorizeOrigin => ClientOptions().OAuthAuthorizeBaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Client options for the effective Dropbox.</summary>
    public DropboxClientOptions ClientOptions()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.AppKey))
        {
            var configured = new DropboxClientOptions { AppKey = options.Value.AppKey, AppSecret = options.Value.AppSecret };
            if (options.Value.BaseUri is { } at)
            {
                configured.ApiBaseUri = configured.ContentBaseUri = configured.NotifyBaseUri = configured.OAuthTokenBaseUri = configured.OAuthAuthorizeBaseUri = at;
            }
            return configured;
        }

        var baseUri = emulator.BaseUri ?? throw new InvalidOperationException("No Dropbox app is configured and the embedded emulator is off.");
        return new DropboxClientOptions
        {
            ApiBaseUri = baseUri,
            ContentBaseUri = baseUri,
            NotifyBaseUri = baseUri,
            OAuthTokenBaseUri = baseUri,
            OAuthAuthorizeBaseUri = baseUri,
            AppKey = WorldSeeder.AppKey,
            AppSecret = emulator.AppSecret,
        };
    }

    /// <summary>An HTTP client for Dropbox.</summary>
    public HttpClient Http() => http.CreateClient(HttpClientName);

    /// <summary>The OAuth side of the effective Dropbox (consent URL, code exchange, renewal).</summary>
    public DropboxOAuth OAuth() => new(Http(), ClientOptions(), time);

    /// <summary>A client acting with <paramref name="accessToken"/>.</summary>
    /// <param name="accessToken">A short-lived access token.</param>
    public DropboxClient Client(string accessToken) => new(Http(), new StaticTokenProvider(accessToken), ClientOptions());

    /// <summary>A client acting with a fresh access token renewed from a stored grant.</summary>
    /// <param name="refreshToken">The connection's refresh token.</param>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    public async Task<DropboxClient> ClientFromGrantAsync(string refreshToken, CancellationToken cancellationToken) =>
        Client((await OAuth().RefreshAsync(refreshToken, cancellationToken)).AccessToken);

    /// <inheritdoc />
    public DropboxClient Connect(Core.Connections.DropboxConnection connection, string refreshToken) =>
        new(Http(), new RefreshingTokenProvider(OAuth(), refreshToken, timeProvider: time), ClientOptions());

    /// <summary>
    /// With the emulator, registers <paramref name="redirectUri"/> for the development app (a real
    /// app's redirect URIs are registered by a person in the Dropbox App Console).
    /// </summary>
    /// <param name="redirectUri">DocSync's OAuth callback.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task EnsureRedirectRegisteredAsync(Uri redirectUri, CancellationToken cancellationToken)
    {
        if (!Emulated)
        {
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri!, "_emulator/apps"))
        {
            Content = JsonContent.Create(new Dictionary<string, object> { ["key"] = WorldSeeder.AppKey, ["redirect_uris"] = new[] { redirectUri.ToString() } }),
        };
        request.Headers.Add(DocSync.Dropbox.Emulator.Admin.AdminGuard.SecretHeader, emulator.AdminSecret);
        using var response = await Http().SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
