using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocSync.Dropbox.Http;

namespace DocSync.Dropbox;

/// <summary>
/// OAuth 2 for a Dropbox app: the consent-page URL (code flow, PKCE S256, state), the code
/// exchange and the refresh. The token endpoint is <see cref="DropboxClientOptions.OAuthTokenBaseUri"/>.
/// </summary>
public sealed class DropboxOAuth
{
    private const string TokenRoute = "oauth2/token";
    private readonly HttpClient _http;
    private readonly DropboxClientOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the helper; <see cref="DropboxClientOptions.AppKey"/> is required.</summary>
    public DropboxOAuth(HttpClient http, DropboxClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (string.IsNullOrWhiteSpace(options.AppKey))
        {
            throw new ArgumentException("DropboxClientOptions.AppKey is required for OAuth.", nameof(options));
        }
        _http = http;
        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Builds the consent-page URL with a fresh PKCE verifier (S256) and state.
    /// </summary>
    /// <param name="redirectUri">Where Dropbox sends the user back (registered exactly); null shows the code to paste.</param>
    /// <param name="offline">Ask for a refresh token (<c>token_access_type=offline</c>). Default true.</param>
    /// <param name="scopes">Scopes to ask for; null asks for all the app's scopes.</param>
    public AuthorizationRequest CreateAuthorizationRequest(Uri? redirectUri, bool offline = true, IEnumerable<string>? scopes = null)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(64));
        var state = Base64Url(RandomNumberGenerator.GetBytes(24));
        var query = new List<KeyValuePair<string, string>>
        {
            new("client_id", _options.AppKey!),
            new("response_type", "code"),
            new("token_access_type", offline ? "offline" : "online"),
            new("state", state),
            new("code_challenge", CodeChallenge(verifier)),
            new("code_challenge_method", "S256"),
        };
        if (redirectUri is not null)
        {
            query.Add(new("redirect_uri", redirectUri.ToString()));
        }
        if (scopes is not null)
        {
            query.Add(new("scope", string.Join(' ', scopes)));
        }
        var text = string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return new AuthorizationRequest(new Uri(_options.OAuthAuthorizeBaseUri, "oauth2/authorize?" + text), state, verifier);
    }

    /// <summary>base64url(SHA-256(verifier)) without padding, as RFC 7636 S256 asks.</summary>
    public static string CodeChallenge(string codeVerifier) =>
        Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));

    /// <summary>Exchanges an authorization code (PKCE verifier, plus the secret when the app has one).</summary>
    public Task<OAuthTokens> ExchangeCodeAsync(string code, string codeVerifier, Uri? redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(codeVerifier);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = codeVerifier,
            ["redirect_uri"] = redirectUri?.ToString() ?? "",
        };
        return PostAsync(form, cancellationToken);
    }

    /// <summary>Gets a new access token from a refresh token (the answer carries no new refresh token).</summary>
    public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        var tokens = await PostAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken).ConfigureAwait(false);
        return tokens with { RefreshToken = refreshToken };
    }

    private async Task<OAuthTokens> PostAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["client_id"] = _options.AppKey!;
        if (!string.IsNullOrEmpty(_options.AppSecret))
        {
            form["client_secret"] = _options.AppSecret;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.OAuthTokenBaseUri, TokenRoute))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryClassifier.AsNetworkFailure(TokenRoute, e, cancellationToken) is { } failure)
        {
            throw failure;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var requestId = ErrorDecoder.RequestId(response);
            if (!response.IsSuccessStatusCode)
            {
                throw TokenError(response, body, requestId, _time);
            }
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            long? expiresIn = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt64() : null;
            return new OAuthTokens
            {
                AccessToken = Text(root, "access_token") ?? throw new DropboxAuthException(TokenRoute, 200, DropboxErrorTags.None, "The token answer has no access_token.", requestId),
                RefreshToken = Text(root, "refresh_token"),
                ExpiresAt = expiresIn is { } seconds ? _time.GetUtcNow().AddSeconds(seconds) : null,
                Scope = Text(root, "scope"),
                AccountId = Text(root, "account_id"),
                TeamId = Text(root, "team_id"),
                Uid = Text(root, "uid"),
            };
        }
    }

    private static DropboxApiException TokenError(HttpResponseMessage response, string body, string? requestId, TimeProvider time)
    {
        var status = (int)response.StatusCode;
        string? error = null;
        string? description = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            error = Text(json.RootElement, "error");
            description = Text(json.RootElement, "error_description");
        }
        catch (JsonException)
        {
            // A text answer: keep the body as the summary below.
        }
        var summary = description ?? (body.Length > 500 ? body[..500] : body);
        if (RetryClassifier.IsTransient(status, error ?? ""))
        {
            return new DropboxApiException(TokenRoute, status, error ?? "", summary, requestId, ErrorDecoder.RetryAfterHeader(response, time), isTransient: true);
        }
        return new DropboxAuthException(TokenRoute, status, error ?? "", summary, requestId);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
