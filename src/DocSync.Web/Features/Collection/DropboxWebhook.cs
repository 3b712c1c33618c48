using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocSync.Core.Sync.Changes;
using DocSync.Web.Features.Connections;

namespace DocSync.Web.Features.Collection;

/// <summary>
/// Dropbox webhooks (<c>/webhooks/dropbox</c>): the GET challenge is echoed; a POST is accepted only
/// with a valid <c>X-Dropbox-Signature</c> (HMAC-SHA256 of the body with the app secret, compared in
/// constant time), then every engine watching the accounts named hears it at once (Collect's near-real-time
/// channels run; Export checks that its files are still there).
/// </summary>
public static class DropboxWebhook
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/webhooks/dropbox";

    /// <summary>Largest body accepted (Dropbox sends a short list of account ids).</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Maps the endpoint.</summary>
    /// <param name="app">The application.</param>
    public static IEndpointRouteBuilder MapDropboxWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (string? challenge) => challenge is { Length: > 0 and <= 200 }
                ? Results.Text(challenge, "text/plain")
                : Results.BadRequest())
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    /// <summary>Whether <paramref name="signature"/> is the hex HMAC-SHA256 of <paramref name="body"/> with <paramref name="secret"/>.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="signature">The <c>X-Dropbox-Signature</c> header.</param>
    /// <param name="secret">The app secret.</param>
    public static bool SignatureIsValid(ReadOnlySpan<byte> body, string? signature, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || signature is not { Length: 64 })
        {
            return false;
        }
        Span<byte> given = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(signature, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, DropboxApp app, AccountChanges changes, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(DropboxWebhook));
        using var buffer = new MemoryStream();
        var read = 0L;
        var chunk = new byte[8192];
        int n;
        while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            read += n;
            if (read > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            buffer.Write(chunk, 0, n);
        }
        var body = buffer.ToArray();
        string? secret;
        try
        {
            secret = app.ClientOptions().AppSecret;
        }
        catch (InvalidOperationException)
        {
            secret = null; // No Dropbox configured: nothing can be signed for us.
        }
        if (!SignatureIsValid(body, context.Request.Headers["X-Dropbox-Signature"], secret))
        {
            logger.LogWarning("A Dropbox webhook with a missing or wrong signature was refused");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var accounts = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("list_folder", out var listFolder) && listFolder.TryGetProperty("accounts", out var list)
                && list.ValueKind == JsonValueKind.Array)
            {
                accounts.AddRange(list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).Take(AccountChanges.MaxAccounts));
            }
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        // Answer at once (Dropbox expects a reply within seconds); the runs go on in the background.
        _ = Task.Run(async () =>
        {
            try
            {
                await changes.NotifyAsync(accounts, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Handling a Dropbox webhook failed");
            }
        });
        return Results.Ok();
    }
}
