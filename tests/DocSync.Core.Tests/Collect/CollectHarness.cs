using DocSync.Core.Access;
using DocSync.Core.Collect;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Core.Sync;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Reading;
using DocSync.Core.Rendering;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Collect;

/// <summary>
/// DocSync.Core on a real database, an emulator over real HTTP with Alice's Dropbox linked, a binder
/// and a channel on a folder of it; runs go through <see cref="CollectWorker.RunAsync(Guid, Guid, CollectTrigger, Guid?, CancellationToken)"/>
/// as the service's do. The fake clock is moved to the real time before each run (Dropbox stamps files in real time).
/// </summary>
public sealed class CollectHarness : IAsyncDisposable
{
    public const string Folder = "/Drop";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly FailingHandler _failing = new();
    private readonly HttpClient _service;
    private readonly bool _realTime;
    private int _invoices;

    private CollectHarness(TestHost host, DropboxEmulator emulator, CompanyScope owner, bool realTime)
    {
        Host = host;
        Emulator = emulator;
        Owner = owner;
        _realTime = realTime;
        _service = new HttpClient(_failing) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The service's Dropbox calls counted so far (the person's are not).</summary>
    public int ServiceCalls => _failing.Calls;

    /// <summary>The most downloads of the service under way at once so far.</summary>
    public int MaxDownloadsAtOnce => _failing.MaxDownloads;

    /// <summary>How long each download of the service waits before it goes (so downloads of one run overlap when they run at once).</summary>
    public TimeSpan DownloadDelay
    {
        get => _failing.DownloadDelay;
        set => _failing.DownloadDelay = value;
    }

    /// <summary>From this call of the service on (1-based), every call fails with a 503 until set back to <see cref="int.MaxValue"/>.</summary>
    public int FailFromCall
    {
        get => _failing.FailFrom;
        set => _failing.FailFrom = value;
    }

    public TestHost Host { get; }

    public DropboxEmulator Emulator { get; }

    public CompanyScope Owner { get; }

    public Guid ConnectionId { get; private set; }

    public Guid BinderId { get; private set; }

    public string RefreshToken { get; private set; } = "";

    public DropboxClient Alice { get; private set; } = null!;

    public static async Task<CollectHarness> StartAsync(DatabaseFixture fixture, DatabaseProvider provider, Action<CollectOptions>? collect = null, bool realTime = false,
        Action<ReadingOptions>? reading = null)
    {
        var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions());
        CollectHarness? harness = null;
        var host = await TestHost.StartAsync(fixture, provider, 64 * 1024 * 1024, services =>
        {
            Configure(services, () => harness!, collect, realTime);
            if (reading is not null)
            {
                services.Configure(reading);
            }
        });
        var owner = await host.NewCompanyAsync();
        harness = new CollectHarness(host, emulator, owner, realTime);
        await harness.LinkAsync();
        return harness;
    }

    /// <summary>A second instance of the service on the same database, blobs and Dropbox (scale-out, racing runs).</summary>
    public TestHost AnotherInstance(DatabaseProvider provider, Action<CollectOptions> collect) =>
        TestHost.On(provider, Host.ConnectionString, Host.BlobRoot, 64 * 1024 * 1024, services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(Host.DataProtection);
            Configure(services, () => this, collect, realTime: true);
        });

    private static void Configure(IServiceCollection services, Func<CollectHarness> harness, Action<CollectOptions>? collect, bool realTime)
    {
        services.AddSingleton<IDropboxConnector>(_ => new Connector(harness));
        services.Configure<CollectOptions>(o =>
        {
            o.StableAge = TimeSpan.Zero;
            // A failed file is tried again by the next run (tests of the backoff itself set their own delays).
            o.FirstRetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(1);
            o.InstanceId = "test-" + Guid.NewGuid().ToString("N")[..8];
            collect?.Invoke(o);
        });
        if (realTime)
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    public DropboxClientOptions ClientOptions() => new()
    {
        ApiBaseUri = Emulator.BaseUri,
        ContentBaseUri = Emulator.BaseUri,
        NotifyBaseUri = Emulator.BaseUri,
        OAuthTokenBaseUri = Emulator.BaseUri,
        OAuthAuthorizeBaseUri = Emulator.BaseUri,
        AppKey = WorldSeeder.AppKey,
        AppSecret = WorldSeeder.AppSecret,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        DefaultRateLimitDelay = TimeSpan.FromMilliseconds(20),
        MaxAttempts = 3,
    };

    private async Task LinkAsync()
    {
        RefreshToken = Emulator.MintRefreshToken(WorldSeeder.AliceEmail);
        Alice = new DropboxClient(_http, new StaticTokenProvider(Emulator.MintToken(WorldSeeder.AliceEmail)), ClientOptions());
        var account = Emulator.Account(WorldSeeder.AliceEmail);
        await using var unit = Host.Scope(Owner);
        var info = await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(
            new LinkRequest("Accounting", "/DocSync", account.AccountId, WorldSeeder.AliceEmail, "Alice", null, false, true, RefreshToken));
        ConnectionId = info.Id;
        BinderId = await Host.NewBinderAsync(Owner, "Purchases 2026");
        await Alice.CreateFolderAsync(Folder);
    }

    public async Task<CollectionChannelInfo> CreateChannelAsync(Func<CollectionChannelInput, CollectionChannelInput>? change = null, string folder = Folder)
    {
        var input = new CollectionChannelInput
        {
            Name = "Client drop " + Guid.NewGuid().ToString("N")[..6],
            ConnectionId = ConnectionId,
            SourcePath = folder,
            DestinationPersonId = Owner.Actor.Id,
            BinderId = BinderId,
            NearRealTime = false,
        };
        await using var unit = Host.Scope(Owner);
        return await unit.ServiceProvider.GetRequiredService<CollectService>().CreateAsync(change?.Invoke(input) ?? input);
    }

    /// <summary>Runs the channel once as the worker would (the clock moved to now first).</summary>
    public async Task<CollectionRun?> RunAsync(Guid channelId, CollectTrigger trigger = CollectTrigger.Scheduled)
    {
        SyncClock();
        return await Host.Get<CollectWorker>().RunAsync(Owner.CompanyId, channelId, trigger, null, CancellationToken.None);
    }

    public void SyncClock()
    {
        if (!_realTime)
        {
            var now = DateTimeOffset.UtcNow;
            if (now > Host.Time.GetUtcNow())
            {
                Host.Time.SetUtcNow(now);
            }
        }
    }

    /// <summary>A text PDF invoice with a number of its own (so its content is unique).</summary>
    public byte[] InvoicePdf(string? number = null)
    {
        number ??= $"F2026-{Interlocked.Increment(ref _invoices):0000}";
        return Host.Get<DocumentPdfRenderer>().Render(SampleDocuments.Invoice(number), "en");
    }

    public Task<FileMetadata> PutAsync(string path, byte[] content, bool overwrite = false) =>
        Alice.UploadBytesAsync(path, content, new CommitOptions { Mode = overwrite ? WriteMode.Overwrite : WriteMode.Add });

    public async Task<T> InCompanyAsync<T>(Func<DocSyncDbContext, Task<T>> query)
    {
        await using var unit = Host.Scope(Owner);
        return await query(unit.ServiceProvider.GetRequiredService<DocSyncDbContext>());
    }

    public Task<List<InboxItem>> InboxAsync() => InCompanyAsync(db => db.InboxItems.AsNoTracking().OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).ToListAsync());

    public Task<List<CollectedFile>> LedgerAsync() => InCompanyAsync(db => db.CollectedFiles.AsNoTracking().OrderBy(f => f.Id).ToListAsync());

    public Task<List<CollectionRunFile>> RunFilesAsync(Guid runId) =>
        InCompanyAsync(db => db.CollectionRunFiles.AsNoTracking().Where(f => f.RunId == runId).OrderBy(f => f.Id).ToListAsync());

    public Task<CollectionChannel> ChannelAsync(Guid id) => InCompanyAsync(db => db.CollectionChannels.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Makes every cursor of Alice's Dropbox stale: the next list_folder/continue answers <c>reset</c>.</summary>
    public void ResetCursors()
    {
        lock (Emulator.State.Gate)
        {
            var store = Emulator.State.ViewOfNamespace(Emulator.Account(WorldSeeder.AliceEmail).HomeNamespaceId).Store;
            store.Generation++;
            store.Wake();
            Emulator.State.NotifyMutated();
        }
    }

    public void Faults(int seed, params FaultRule[] rules) => Emulator.Faults.Configure(seed, rules);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
        _http.Dispose();
        _service.Dispose();
    }

    private sealed class Connector(Func<CollectHarness> harness) : IDropboxConnector
    {
        public DropboxClient Connect(DropboxConnection connection, string refreshToken)
        {
            var h = harness();
            var options = h.ClientOptions();
            return new DropboxClient(h._service, new RefreshingTokenProvider(new DropboxOAuth(h._service, options), refreshToken), options);
        }
    }

    private sealed class FailingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _calls;
        private int _downloads;
        private int _maxDownloads;

        public int Calls => Volatile.Read(ref _calls);

        public int FailFrom { get; set; } = int.MaxValue;

        public int MaxDownloads => Volatile.Read(ref _maxDownloads);

        public TimeSpan DownloadDelay { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            if (call >= FailFrom)
            {
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("injected") });
            }
            return request.RequestUri?.AbsolutePath.EndsWith("/files/download", StringComparison.Ordinal) == true
                ? DownloadAsync(request, cancellationToken)
                : base.SendAsync(request, cancellationToken);
        }

        private async Task<HttpResponseMessage> DownloadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _downloads);
            try
            {
                for (var max = Volatile.Read(ref _maxDownloads); now > max; max = Volatile.Read(ref _maxDownloads))
                {
                    Interlocked.CompareExchange(ref _maxDownloads, now, max);
                }
                if (DownloadDelay > TimeSpan.Zero)
                {
                    await Task.Delay(DownloadDelay, cancellationToken);
                }
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _downloads);
            }
        }
    }
}
