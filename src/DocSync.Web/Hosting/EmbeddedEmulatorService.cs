using DocSync.Dropbox.Emulator;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>Runs the Dropbox emulator inside the DocSync process when <see cref="EmbeddedEmulatorOptions.Enabled"/>.</summary>
public sealed partial class EmbeddedEmulatorService(IOptions<EmbeddedEmulatorOptions> options, ILogger<EmbeddedEmulatorService> logger) : IHostedService, IAsyncDisposable
{
    private DropboxEmulator? _emulator;

    /// <summary>The running emulator's base address, or <see langword="null"/> when it is off or failed to start.</summary>
    public Uri? BaseUri => _emulator?.BaseUri;

    /// <summary>The emulator itself while it runs (tests read what landed in it).</summary>
    public DocSync.Dropbox.Emulator.DropboxEmulator? Emulator => _emulator;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(settings.DataPath);
            _emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { Port = settings.Port, DataDirectory = settings.DataPath }, cancellationToken);
            EmulatorStarted(logger, _emulator.BaseUri);
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

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Embedded Dropbox emulator listening on {BaseUri}")]
    private static partial void EmulatorStarted(ILogger logger, Uri baseUri);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Embedded Dropbox emulator not started on port {Port}: {Reason}")]
    private static partial void EmulatorFailed(ILogger logger, int port, string reason);
}
