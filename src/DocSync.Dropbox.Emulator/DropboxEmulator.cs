using System.Net;
using System.Security.Cryptography;
using System.Text;
using DocSync.Dropbox.Emulator.Admin;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Hosting;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.OAuth;
using DocSync.Dropbox.Emulator.Persistence;
using DocSync.Dropbox.Emulator.Routes;
using DocSync.Dropbox.Emulator.Webhooks;
using DocSync.Dropbox.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocSync.Dropbox.Emulator;

/// <summary>
/// A running Dropbox emulator: Kestrel on loopback (HTTP, and HTTPS when asked) serving the
/// Dropbox API v2 routes under /2/, OAuth under /oauth2/, links, and the admin API under /_emulator/.
/// </summary>
public sealed class DropboxEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SnapshotStore? _snapshots;

    private DropboxEmulator(WebApplication app, EmulatorState state, FaultInjector faults, WebhookDispatcher webhooks,
        DevCertificate? certificate, SnapshotStore? snapshots, AdminGuard guard, string adminSecret)
    {
        Guard = guard;
        AdminSecret = adminSecret;
        _app = app;
        State = state;
        Faults = faults;
        Webhooks = webhooks;
        Certificate = certificate;
        _snapshots = snapshots;
    }

    public EmulatorState State { get; }

    /// <summary>The secret the admin API requires (header <see cref="AdminGuard.SecretHeader"/>).</summary>
    public string AdminSecret { get; }

    internal AdminGuard Guard { get; }

    public FaultInjector Faults { get; }

    public WebhookDispatcher Webhooks { get; }

    /// <summary>The dev CA and server certificate, when HTTPS is served.</summary>
    public DevCertificate? Certificate { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>https://localhost:port/ when HTTPS is served.</summary>
    public Uri? HttpsBaseUri { get; private set; }

    public static async Task<DropboxEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var adminSecret = options.AdminSecret ?? AdminGuard.NewSecret();
        var guard = new AdminGuard(adminSecret);
        var state = new EmulatorState(options);
        var faults = new FaultInjector();
        faults.Configure(options.Seed, []);
        var certificate = options.HttpsPort is null
            ? null
            : options.CertificatePath is { } path
                ? DevCertificate.FromFile(path, options.CertificatePassword)
                : DevCertificate.LoadOrCreate(options.DataDirectory);

        SnapshotStore? snapshots = null;
        var loaded = false;
        if (options.DataDirectory is not null)
        {
            snapshots = new SnapshotStore(state, options.DataDirectory, options.JournalCompactionBytes);
            loaded = snapshots.TryLoad();
        }
        if (!loaded && options.SeedDefaultWorld)
        {
            lock (state.Gate)
            {
                WorldSeeder.Seed(state);
            }
            state.NotifyMutated();
        }
        if (loaded && options.AppSecret is { } appSecret)
        {
            lock (state.Gate)
            {
                if (state.Apps.TryGetValue(WorldSeeder.AppKey, out var seeded) && seeded.Secret != appSecret)
                {
                    seeded.Secret = appSecret;
                    state.NotifyMutated();
                }
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DropboxEmulator).Assembly.GetName().Name,
            // Its addresses are the Listen calls below alone: not a host's Urls or ASPNETCORE_URLS (command-line values win over both).
            Args = ["--urls=", "--http_ports=", "--https_ports="],
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The emulator is configured by its options alone: not by the settings file of a host that embeds
        // it (its URLs and log levels), so it neither warns about them nor repeats the host's startup lines.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "", ["http_ports"] = "", ["https_ports"] = "" });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Dropbox-API-Arg may carry raw UTF-8 (the Go SDK sends it so); Kestrel rejects it otherwise.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
            var address = IPAddress.Parse(options.BindAddress);
            kestrel.Listen(address, options.Port);
            if (options.HttpsPort is { } httpsPort)
            {
                kestrel.Listen(address, httpsPort, listen => listen.UseHttps(certificate!.Server));
            }
        });
        var app = builder.Build();
        var webhooks = new WebhookDispatcher(state);
        var emulator = new DropboxEmulator(app, state, faults, webhooks, certificate, snapshots, guard, adminSecret);

        var routes = new RouteTable();
        ListingRoutes.Register(routes);
        UploadRoutes.Register(routes);
        WriteRoutes.Register(routes);
        ContentRoutes.Register(routes);
        SearchRoutes.Register(routes);
        SharingRoutes.Register(routes);
        AccountRoutes.Register(routes);
        var dispatcher = new Dispatcher(state, routes, faults);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<DropboxEmulator>();

        app.Use(async (http, next) =>
        {
            http.Response.Headers["X-Dropbox-Request-Id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e)
            {
                if (!http.Response.HasStarted)
                {
                    await ResponseWriter.WriteTextAsync(http, 400, "Error in call to API function: " + e.Message);
                }
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client went away; nothing to answer.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Unhandled error serving {Path}", http.Request.Path);
                if (!http.Response.HasStarted)
                {
                    await ResponseWriter.WriteTextAsync(http, 500, "Internal Server Error");
                }
            }
        });
        app.Use(async (http, next) =>
        {
            // Nothing under /_emulator/ runs before the guard has looked at the request.
            if (http.Request.Path.StartsWithSegments("/_emulator") && emulator.Guard.Check(http.Request) is { } refusal)
            {
                await refusal.ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        app.Map("/2/{**route}", dispatcher.HandleAsync);
        OAuthEndpoints.Map(app, state);
        LinkEndpoints.Map(app, state);
        AdminEndpoints.Map(app, emulator);
        app.MapGet("/", () => Results.Text("DocSync Dropbox emulator. Dropbox API v2 under /2/, OAuth under /oauth2/, admin under /_emulator/.", "text/plain"));

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).ToList();
        foreach (var address in addresses)
        {
            emulator.Guard.AllowPort(options.BindAddress, address.Port);
        }
        var http = addresses.First(a => a.Scheme == "http");
        emulator.BaseUri = new Uri($"http://{options.BindAddress}:{http.Port}/");
        if (addresses.FirstOrDefault(a => a.Scheme == "https") is { } https)
        {
            emulator.HttpsBaseUri = new Uri($"https://localhost:{https.Port}/");
        }
        return emulator;
    }

    /// <summary>With a data folder, writes the changes not yet written now (they are otherwise written within a quarter second).</summary>
    public void Persist() => _snapshots?.Flush();

    /// <summary>With a data folder, folds the journal into a new snapshot now.</summary>
    public void Compact() => _snapshots?.Compact();

    /// <summary>Forgets every file, token and session and seeds the default world again.</summary>
    public void ResetWorld()
    {
        lock (State.Gate)
        {
            State.Reset();
            if (State.Options.SeedDefaultWorld)
            {
                WorldSeeder.Seed(State);
            }
        }
        Faults.Clear();
        State.NotifyMutated();
    }

    /// <summary>The account with this email.</summary>
    public Account Account(string email)
    {
        lock (State.Gate)
        {
            return WorldSeeder.AccountByEmail(State, email);
        }
    }

    /// <summary>Mints an access token for an account without the consent page.</summary>
    public string MintToken(string email, string appKey = WorldSeeder.AppKey, TimeSpan? lifetime = null, IReadOnlySet<string>? scopes = null)
    {
        lock (State.Gate)
        {
            var account = WorldSeeder.AccountByEmail(State, email);
            return State.MintToken(appKey, account.AccountId, null, lifetime, scopes).Token;
        }
    }

    /// <summary>Mints a refresh token (an offline grant) for an account without the consent page.</summary>
    public string MintRefreshToken(string email, string appKey = WorldSeeder.AppKey)
    {
        lock (State.Gate)
        {
            var account = WorldSeeder.AccountByEmail(State, email);
            var refresh = State.NewSecret("");
            State.RefreshTokens[refresh] = new RefreshGrant
            {
                Token = refresh,
                AppKey = appKey,
                AccountId = account.AccountId,
                Scopes = Scope.All,
                Pkce = true,
            };
            return refresh;
        }
    }

    /// <summary>Mints a team-linked access token.</summary>
    public string MintTeamToken(string teamName = WorldSeeder.TeamName, string appKey = WorldSeeder.AppKey)
    {
        lock (State.Gate)
        {
            var team = State.Teams.Values.First(t => t.Name == teamName);
            return State.MintToken(appKey, null, team.TeamId, null).Token;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Webhooks.DisposeAsync();
        if (_snapshots is not null)
        {
            await _snapshots.DisposeAsync();
        }
        Certificate?.Dispose();
        lock (State.Gate)
        {
            foreach (var session in State.Sessions.Values)
            {
                session.Dispose();
            }
            State.Sessions.Clear();
        }
        State.Blobs.Dispose();
    }
}
