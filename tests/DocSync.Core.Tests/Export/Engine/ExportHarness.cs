using DocSync.Core.Access;
using DocSync.Core.Connections;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Core.Sync;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Export.Engine;

/// <summary>
/// DocSync.Core on a real database, an emulator over real HTTP, a linked connection and the export
/// engine driven round by round (the fake clock jumps to each retry's due time).
/// </summary>
public sealed class ExportHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private ExportHarness(TestHost host, DropboxEmulator emulator, CompanyScope owner)
    {
        Host = host;
        Emulator = emulator;
        Owner = owner;
    }

    public TestHost Host { get; }

    public DropboxEmulator Emulator { get; }

    public CompanyScope Owner { get; }

    public Guid ConnectionId { get; private set; }

    public string RefreshToken { get; private set; } = "";

    public static async Task<ExportHarness> StartAsync(DatabaseFixture fixture, DatabaseProvider provider, Action<ExportOptions>? export = null, bool realTime = false)
    {
        var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions());
        ExportHarness? harness = null;
        var host = await TestHost.StartAsync(fixture, provider, 8 * 1024 * 1024, services => Configure(services, () => harness!, export, realTime));
        var owner = await host.NewCompanyAsync();
        harness = new ExportHarness(host, emulator, owner);
        await harness.LinkAsync();
        return harness;
    }

    private static void Configure(IServiceCollection services, Func<ExportHarness> harness, Action<ExportOptions>? export, bool realTime)
    {
        services.AddSingleton<IDropboxConnector>(_ => new Connector(harness));
        services.Configure<ExportOptions>(o =>
        {
            o.BatchSize = 200;
            export?.Invoke(o);
        });
        if (realTime)
        {
            services.AddSingleton(TimeProvider.System); // the worker waits in real time
        }
    }

    /// <summary>A second instance of the service on the same database, blobs and Dropbox (scale-out).</summary>
    public TestHost AnotherInstance(DatabaseProvider provider, Action<ExportOptions> export) =>
        TestHost.On(provider, Host.ConnectionString, Host.BlobRoot, 8 * 1024 * 1024, services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(Host.DataProtection);
            Configure(services, () => this, export, realTime: true);
        });

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
        BatchCommitIdle = TimeSpan.FromMilliseconds(20),
        MaxAttempts = 3,
    };

    /// <summary>Alice's client, for looking at what landed.</summary>
    public DropboxClient Alice() => new(_http, new StaticTokenProvider(Emulator.MintToken(WorldSeeder.AliceEmail)), ClientOptions());

    private async Task LinkAsync()
    {
        RefreshToken = Emulator.MintRefreshToken(WorldSeeder.AliceEmail);
        var account = Emulator.Account(WorldSeeder.AliceEmail);
        await using var unit = Host.Scope(Owner);
        var info = await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(
            new LinkRequest("Accounting", "/DocSync", account.AccountId, WorldSeeder.AliceEmail, "Alice", null, false, true, RefreshToken));
        ConnectionId = info.Id;
    }

    public async Task<ExportProfileView> CreateProfileAsync(string template = "{year}/{type}/{number} {counterparty}", Action<ExportProfileInputBuilder>? configure = null)
    {
        var input = new ExportProfileInputBuilder { PathTemplate = template };
        configure?.Invoke(input);
        await using var unit = Host.Scope(Owner);
        return await unit.ServiceProvider.GetRequiredService<ExportService>().CreateProfileAsync(ConnectionId, input.Build());
    }

    public async Task<Guid> CreateDocumentAsync(string number, DocumentType type = DocumentType.Invoice, string buyer = "Librairie Dupont SARL",
        IReadOnlyList<DocumentFileUpload>? files = null)
    {
        var content = SampleDocuments.Invoice(number) with { Type = type };
        content = content with { Buyer = content.Buyer! with { Name = buyer } };
        await using var unit = Host.Scope(Owner);
        var created = await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest
        {
            Content = content,
            Status = DocumentStatus.Final,
            Files = files ?? [],
        });
        return created.Document.Id;
    }

    public async Task UpdateDocumentAsync(Guid id, Func<DocumentContent, DocumentContent> change)
    {
        await using var unit = Host.Scope(Owner);
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var current = await documents.GetAsync(id);
        await documents.UpdateAsync(id, new UpdateDocumentRequest
        {
            Content = DocSync.Core.Validation.DocumentCalculator.Complete(change(current.Content)),
            Status = current.Status,
            ExpectedVersion = current.Version,
        });
    }

    public async Task DeleteDocumentAsync(Guid id)
    {
        await using var unit = Host.Scope(Owner);
        await unit.ServiceProvider.GetRequiredService<DocumentService>().DeleteAsync(id);
    }

    /// <summary>Dispatches the outbox, then runs rounds until nothing is queued or only dead tasks remain; jumps the clock to retries.</summary>
    public async Task<List<ExportRunResult>> RunUntilIdleAsync(int maxRounds = 400)
    {
        var rounds = new List<ExportRunResult>();
        await using (var unit = Host.Scope())
        {
            await unit.ServiceProvider.GetRequiredService<SyncQueue>().DispatchOutboxAsync();
        }

        for (var i = 0; i < maxRounds; i++)
        {
            var result = await RunOnceAsync();
            rounds.Add(result);
            if (result.Tasks > 0)
            {
                continue;
            }
            if (result.NextDue is not { } due)
            {
                return rounds;
            }
            Host.Time.SetUtcNow(due > Host.Time.GetUtcNow() ? due : Host.Time.GetUtcNow());
        }
        throw new InvalidOperationException($"The export did not settle in {maxRounds} rounds.");
    }

    public Task<ExportRunResult> RunOnceAsync() => RunOnceAsync(Owner.CompanyId, ConnectionId);

    /// <summary>A client for the linked connection, renewing its access from the refresh token as the worker's does.</summary>
    public DropboxClient ConnectedClient() => new Connector(() => this).Connect(null!, RefreshToken);

    /// <summary>One round for any connection (accountant mode links the grant in other companies).</summary>
    public async Task<ExportRunResult> RunOnceAsync(Guid companyId, Guid connectionId)
    {
        await using var unit = Host.Scope();
        var client = new Connector(() => this).Connect(null!, RefreshToken);
        return await unit.ServiceProvider.GetRequiredService<ExportExecutor>().RunOnceAsync(companyId, connectionId, client);
    }

    public async Task<T> InCompanyAsync<T>(Func<DocSyncDbContext, Task<T>> query)
    {
        await using var unit = Host.Scope(Owner);
        return await query(unit.ServiceProvider.GetRequiredService<DocSyncDbContext>());
    }

    public Task<List<ExportedFile>> ExportedAsync() => InCompanyAsync(db => db.ExportedFiles.AsNoTracking().OrderBy(f => f.Path).ToListAsync());

    public Task<List<SyncTask>> TasksAsync() => InCompanyAsync(db => db.SyncTasks.AsNoTracking().ToListAsync());

    public Task<List<SyncLogEntry>> LogAsync() => InCompanyAsync(db => db.SyncLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>Every file in the emulator under <paramref name="folder"/>, as the server holds it: lower-cased path → (display path, hash, rev).</summary>
    public Dictionary<string, (string Path, string Hash, string Rev)> ServerFiles(string folder = "/docsync")
    {
        var account = Emulator.Account(WorldSeeder.AliceEmail);
        lock (Emulator.State.Gate)
        {
            var view = Emulator.State.ViewOfNamespace(account.HomeNamespaceId);
            return view.Store.Descendants(view.PrefixLower + folder.ToLowerInvariant())
                .Where(n => !n.IsFolder && n.Current is not null)
                .ToDictionary(n => n.PathLower[view.PrefixLower.Length..], n => (n.PathDisplay, n.Current!.ContentHash, n.Current.Rev));
        }
    }

    public void Faults(int seed, params FaultRule[] rules) => Emulator.Faults.Configure(seed, rules);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
        _http.Dispose();
    }

    private sealed class Connector(Func<ExportHarness> harness) : IDropboxConnector
    {
        public DropboxClient Connect(DropboxConnection connection, string refreshToken)
        {
            var h = harness();
            var options = h.ClientOptions();
            return new DropboxClient(h._http, new RefreshingTokenProvider(new DropboxOAuth(h._http, options), refreshToken), options);
        }
    }
}

/// <summary>Profile settings with test defaults.</summary>
public sealed class ExportProfileInputBuilder
{
    public string Name { get; set; } = "Sales";

    public string PathTemplate { get; set; } = "{year}/{type}/{number} {counterparty}";

    public List<DocumentType> Types { get; set; } = [DocumentType.Invoice, DocumentType.CreditNote];

    public bool IncludeUbl { get; set; } = true;

    public bool DeleteInDropbox { get; set; }

    public string Language { get; set; } = "en";

    public ExportProfileInput Build() => new()
    {
        Name = Name,
        PathTemplate = PathTemplate,
        DocumentTypes = Types,
        IncludeUbl = IncludeUbl,
        DeleteInDropbox = DeleteInDropbox,
        Language = Language,
    };
}
