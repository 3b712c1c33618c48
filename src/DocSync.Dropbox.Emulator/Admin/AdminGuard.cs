using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DocSync.Dropbox.Emulator.Admin;

/// <summary>
/// What every <c>/_emulator/</c> request must pass before anything happens: a Host (and Origin, when
/// sent) naming the emulator itself on loopback (a page on another site, or DNS rebinding, is refused),
/// the installation's admin secret (header <see cref="SecretHeader"/> or <c>Authorization: Bearer</c>),
/// and a body, when one is sent, of type <c>application/json</c> (a no-cors form post is text/plain).
/// Refusals are problem+json and change nothing.
/// </summary>
public sealed class AdminGuard
{
    /// <summary>The header that carries the admin secret.</summary>
    public const string SecretHeader = "X-Emulator-Admin-Secret";

    private readonly byte[] _secret;
    private readonly HashSet<string> _authorities = new(StringComparer.OrdinalIgnoreCase);

    public AdminGuard(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 16)
        {
            throw new ArgumentException("The emulator's admin secret must be at least 16 characters.", nameof(secret));
        }
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>A fresh random secret (256 bits, URL-safe).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Accepts <c>host:port</c> (and the loopback names) as the emulator's own authority.</summary>
    public void AllowPort(string bindAddress, int port)
    {
        foreach (var host in new[] { "127.0.0.1", "localhost", "[::1]", bindAddress.Contains(':', StringComparison.Ordinal) ? $"[{bindAddress}]" : bindAddress })
        {
            _authorities.Add($"{host}:{port}");
        }
    }

    /// <summary>Null when the request may go on; otherwise the refusal to send.</summary>
    public IResult? Check(HttpRequest request)
    {
        var host = request.Headers.Host.ToString();
        if (!_authorities.Contains(host))
        {
            return Problem(StatusCodes.Status403Forbidden, "Foreign host", $"The admin API answers only at the emulator's own loopback address, not at \"{host}\".");
        }
        if (request.Headers.Origin.Count > 0)
        {
            var origin = request.Headers.Origin.ToString();
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !_authorities.Contains(uri.Authority) || uri.AbsolutePath != "/")
            {
                return Problem(StatusCodes.Status403Forbidden, "Foreign origin", "The admin API does not answer requests from web pages of other origins.");
            }
        }
        if (!SecretMatches(request))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Admin secret required",
                $"Send the emulator's admin secret in the {SecretHeader} header (or as a bearer token).");
        }
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HasBody(request))
        {
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return Problem(StatusCodes.Status415UnsupportedMediaType, "JSON body required", "Admin calls that change something take a body of type application/json.");
            }
        }
        return null;
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    private bool SecretMatches(HttpRequest request)
    {
        string? given = request.Headers[SecretHeader].ToString();
        if (string.IsNullOrEmpty(given))
        {
            var authorization = request.Headers.Authorization.ToString();
            given = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
        }
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _secret);
    }

    /// <summary>A problem+json answer.</summary>
    public static IResult Problem(int status, string title, string detail) => Results.Text(
        DropboxJson.Serialize(new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status, ["detail"] = detail }),
        "application/problem+json", Encoding.UTF8, status);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
