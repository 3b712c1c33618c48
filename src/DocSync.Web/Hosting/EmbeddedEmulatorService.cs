using DocSync.Dropbox.Emulator;
using DocSync.Web.Features.Connections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>
/// Runs the Dropbox emulator inside the DocSync process, only when no Dropbox app key is configured
/// and <see cref="EmbeddedEmulatorOptions.Enabled"/>: on loopback only, its admin API behind this
/// installation's own secret, its development app signing webhooks with a secret of its own. At start
/// one log line says which Dropbox DocSync talks to.
/// </summary>
public sealed partial class EmbeddedEmulatorService(
    IOptions<EmbeddedEmulatorOptions> options,
    IOptions<DropboxAppOptions> dropbox,
    IOptions<WebOptions> web,
    IDataProtectionProvider protection,
    ILogger<EmbeddedEmulatorService> logger) : IHostedService, IAsyncDisposable
{
    private DropboxEmulator? _emulator;
    private EmbeddedEmulatorSecrets? _secrets;

    /// <summary>The running emulator's base address, or <see langword="null"/> when it is off or failed to start.</summary>
    public Uri? BaseUri => _emulator?.BaseUri;

    /// <summary>The emulator itself while it runs (tests read what landed in it).</summary>
    public DropboxEmulator? Emulator => _emulator;

    /// <summary>The secret of the emulator's development app (signs its webhooks), while it runs.</summary>
    public string? AppSecret => _emulator is null ? null : _secrets?.AppSecret;

    /// <summary>The secret the emulator's admin API requires, while it runs.</summary>
    public string? AdminSecret => _emulator?.AdminSecret;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var app = dropbox.Value;
        if (!string.IsNullOrWhiteSpace(app.AppKey))
        {
            // A real app is configured: the emulator must not stand in for it, nor listen at all.
            if (app.BaseUri is { } at)
            {
                TalksToBaseUri(logger, at, app.AppKey);
            }
            else
            {
                TalksToDropbox(logger, app.AppKey);
            }
            return;
        }
        if (!settings.Enabled)
        {
            TalksToNothing(logger);
            return;
        }

        try
        {
            Directory.CreateDirectory(settings.DataPath);
            _secrets = EmbeddedEmulatorSecrets.LoadOrCreate(web.Value.KeysPath, protection);
            _emulator = await DropboxEmulator.StartAsync(new EmulatorOptions
            {
                Port = settings.Port,
                BindAddress = "127.0.0.1",
                DataDirectory = settings.DataPath,
                AdminSecret = _secrets.AdminSecret,
                AppSecret = _secrets.AppSecret,
            }, cancellationToken);
            TalksToEmulator(logger, _emulator.BaseUri);
        }
        catch (IOException error)
        {
            // A port in use must not keep DocSync itself from starting: say so and go on without it.
            EmulatorFailed(logger, settings.Port, error.Message);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_emulator is { } emulator)
        {
            _emulator = null;
            await emulator.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Dropbox: DocSync talks to the embedded Dropbox emulator at {BaseUri} (no app key configured; loopback only)")]
    private static partial void TalksToEmulator(ILogger logger, Uri baseUri);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Dropbox: the embedded Dropbox emulator did not start on port {Port} ({Reason}); no Dropbox accounts can be linked")]
    private static partial void EmulatorFailed(ILogger logger, int port, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Dropbox: DocSync talks to Dropbox itself with app key {AppKey}; the embedded emulator is off")]
    private static partial void TalksToDropbox(ILogger logger, string appKey);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Dropbox: DocSync talks to {BaseUri} with app key {AppKey}; the embedded emulator is off")]
    private static partial void TalksToBaseUri(ILogger logger, Uri baseUri, string appKey);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Dropbox: none; no app key is configured and the embedded emulator is disabled, so no Dropbox accounts can be linked")]
    private static partial void TalksToNothing(ILogger logger);
}
