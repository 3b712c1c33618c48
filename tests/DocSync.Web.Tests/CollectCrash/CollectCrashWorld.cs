using DocSync.Core.Access;
using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Core.Sync;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Rendering;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Web.Tests.Export.Crash;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.CollectCrash;

/// <summary>
/// What the collect crash test shares between the test process and the killed service: a temp
/// folder with a SQLite database, blobs and key ring; an emulator with a little latency on every
/// call and a folder of dropped invoices; DocSync.Core in this process for seeding and looking.
/// </summary>
public sealed class CollectCrashWorld : IAsyncDisposable
{
    public const string DropFolder = "/Client drop";

    private readonly ServiceProvider _services;
    private readonly HttpClient _http = new();
    private readonly Dictionary<string, string> _dropped = []; // sha256 → path
    private TaskCompletionSource _dropboxCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _invoices;
    private int _storeChanges;

    private CollectCrashWorld(string folder, DropboxEmulator emulator, ServiceProvider services)
    {
        Folder = folder;
        Emulator = emulator;
        _services = services;
        Log = new ProcessLog(Path.Combine(folder, "docsync.log"));
        emulator.State.Mutated += () => _dropboxCalled.TrySetResult();
        emulator.State.StoreChanged += _ => Interlocked.Increment(ref _storeChanges);
        Alice = new DropboxClient(_http, new StaticTokenProvider(emulator.MintToken(WorldSeeder.AliceEmail, lifetime: TimeSpan.FromHours(4))), new DropboxClientOptions
        {
            ApiBaseUri = emulator.BaseUri,
            ContentBaseUri = emulator.BaseUri,
            NotifyBaseUri = emulator.BaseUri,
            OAuthTokenBaseUri = emulator.BaseUri,
            OAuthAuthorizeBaseUri = emulator.BaseUri,
            AppKey = WorldSeeder.AppKey,
            AppSecret = WorldSeeder.AppSecret,
        });
    }

    public string Folder { get; }

    public DropboxEmulator Emulator { get; }

    public ProcessLog Log { get; }

    /// <summary>Alice, dropping files (not subject to the service's faults: those are latency only).</summary>
    public DropboxClient Alice { get; }

    public DocSyncProcess? Child { get; private set; }

    public Guid CompanyId { get; private set; }

    public Guid ChannelId { get; private set; }

    public bool KeepFolder { get; set; }

    /// <summary>The files dropped so far: SHA-256 → where.</summary>
    public IReadOnlyDictionary<string, string> Dropped => _dropped;

    public Task DropboxCalled => _dropboxCalled.Task;

    /// <summary>Changes to Dropbox's files so far (uploads by Alice, moves to Processed by the service).</summary>
    public int StoreChanges => Volatile.Read(ref _storeChanges);

    public static async Task<CollectCrashWorld> CreateAsync(int seed)
    {
        var folder = Directory.CreateTempSubdirectory("docsync-collect-crash-").FullName;
        var emulator = await DropboxEmulator.StartAsync(new EmulatorOptions { Seed = seed });
        emulator.Faults.Configure(seed, [new FaultRule(FaultKind.Latency, "*", LatencyMs: 10, LatencyMaxMs: 25)]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocSync:Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["DocSync:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "docsync.db")}",
            ["DocSync:Blobs:RootPath"] = Path.Combine(folder, "blobs"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("DocSync").PersistKeysToFileSystem(Directory.CreateDirectory(Path.Combine(folder, "keys")));
        services.AddDocSyncCore(configuration);
        services.AddSingleton<IDropboxConnector, NoDropbox>();
        var world = new CollectCrashWorld(folder, emulator, services.BuildServiceProvider(validateScopes: true));
        try
        {
            await using var scope = world._services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>A company, its owner, a binder, Alice's Dropbox linked, a channel on <see cref="DropFolder"/> moving collected files to Processed.</summary>
    public async Task SeedAsync()
    {
        await using var unit = _services.CreateAsyncScope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var now = DateTimeOffset.UtcNow;
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            UserName = "owner@example.be",
            NormalizedUserName = "OWNER@EXAMPLE.BE",
            Email = "owner@example.be",
            NormalizedEmail = "OWNER@EXAMPLE.BE",
            DisplayName = "Owner",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = now,
        };
        db.Users.Add(person);
        await db.SaveChangesAsync();
        CompanyId = (await unit.ServiceProvider.GetRequiredService<CompanyService>().CreateAsync("Brasserie Van Damme BV", "BE", null, person.Id)).Id;
        unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(CompanyId));
        var binder = await unit.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("Purchases");
        var account = Emulator.Account(WorldSeeder.AliceEmail);
        var connection = await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(new LinkRequest(
            "Clients", "/DocSync", account.AccountId, WorldSeeder.AliceEmail, "Alice", null, false, false, Emulator.MintRefreshToken(WorldSeeder.AliceEmail)));
        await Alice.CreateFolderAsync(DropFolder);
        ChannelId = (await unit.ServiceProvider.GetRequiredService<CollectService>().CreateAsync(new CollectionChannelInput
        {
            Name = "Client drop",
            ConnectionId = connection.Id,
            SourcePath = DropFolder,
            DestinationPersonId = person.Id,
            BinderId = binder.Id,
            NearRealTime = false,
            AfterCollect = AfterCollect.MoveToProcessed,
        })).Id;
    }

    /// <summary>Drops <paramref name="count"/> new invoices (text PDFs, each its own content) into the folder and its subfolder.</summary>
    public async Task DropAsync(int count)
    {
        var renderer = _services.GetRequiredService<DocumentPdfRenderer>();
        for (var i = 0; i < count; i++)
        {
            var n = ++_invoices;
            var pdf = renderer.Render(Export.Crash.CrashInvoices.Document(Core.Documents.DocumentType.Invoice, $"A2026-{n:0000}", n), "en");
            var path = $"{DropFolder}/{(n % 4 == 0 ? "Scans/" : "")}Invoice {n:0000}.pdf";
            await Alice.UploadBytesAsync(path, pdf);
            _dropped[Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))] = path;
        }
    }

    /// <summary>Makes the channel's scheduled run due now (the child's worker starts it within its poll interval).</summary>
    public async Task MakeRunDueAsync()
    {
        await using var unit = Scope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        await db.CollectionChannels.Where(c => c.Id == ChannelId).ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRunAt, now));
    }

    public IReadOnlyDictionary<string, string> ChildSettings() => new Dictionary<string, string>
    {
        ["DocSync__Database__Provider"] = nameof(DatabaseProvider.Sqlite),
        ["DocSync__Database__ConnectionString"] = $"Data Source={Path.Combine(Folder, "docsync.db")}",
        ["DocSync__Blobs__RootPath"] = Path.Combine(Folder, "blobs"),
        ["DocSync__Web__KeysPath"] = Path.Combine(Folder, "keys"),
        ["DocSync__Dropbox__AppKey"] = WorldSeeder.AppKey,
        ["DocSync__Dropbox__AppSecret"] = WorldSeeder.AppSecret,
        ["DocSync__Dropbox__BaseUri"] = Emulator.BaseUri.ToString(),
        ["DocSync__Dropbox__Emulator__Enabled"] = "false",
        ["DocSync__Export__Enabled"] = "false",
        ["DocSync__Collect__Enabled"] = "true",
        ["DocSync__Collect__InstanceId"] = "crash-test",
        ["DocSync__Collect__PollInterval"] = "00:00:00.200",
        ["DocSync__Collect__StableAge"] = "00:00:00",
        ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Warning",
    };

    public async Task StartChildAsync(int life)
    {
        _dropboxCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Child = await DocSyncProcess.StartAsync(ChildSettings(), Folder, Log, life);
    }

    public async Task<bool> KillChildAsync()
    {
        var child = Child ?? throw new InvalidOperationException("No child is running.");
        var killed = await child.KillAsync();
        await child.DisposeAsync();
        Child = null;
        return killed;
    }

    public AsyncServiceScope Scope()
    {
        var unit = _services.CreateAsyncScope();
        unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(CompanyId));
        return unit;
    }

    /// <summary>The inbox items (SHA-256 of each) and the ledger's collected count.</summary>
    public async Task<(List<string> ItemHashes, int Collected, int Waiting)> StateAsync()
    {
        await using var unit = Scope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var items = await db.InboxItems.AsNoTracking().Select(i => i.Sha256).ToListAsync();
        var collected = await db.CollectedFiles.CountAsync(f => f.Status == CollectedFileStatus.Collected);
        var waiting = await db.CollectedFiles.CountAsync(f => f.Status != CollectedFileStatus.Collected);
        return (items, collected, waiting);
    }

    /// <summary>Every file under the drop folder as the emulator holds it now (lower-cased path).</summary>
    public List<(string Path, string Hash)> ServerFiles()
    {
        var account = Emulator.Account(WorldSeeder.AliceEmail);
        lock (Emulator.State.Gate)
        {
            var view = Emulator.State.ViewOfNamespace(account.HomeNamespaceId);
            return view.Store.Descendants(view.PrefixLower + DropFolder.ToLowerInvariant())
                .Where(n => !n.IsFolder && n.Current is not null)
                .Select(n => (n.PathLower[view.PrefixLower.Length..], n.Current!.ContentHash))
                .ToList();
        }
    }

    public string BlobPath(string sha256) => Path.Combine(Folder, "blobs", sha256[..2], sha256[2..4], sha256);

    public async ValueTask DisposeAsync()
    {
        if (Child is { } child)
        {
            await child.DisposeAsync();
            Child = null;
        }
        Log.Dispose();
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepFolder)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private sealed class NoDropbox : IDropboxConnector
    {
        public DropboxClient Connect(DropboxConnection connection, string refreshToken) =>
            throw new InvalidOperationException("The test process does not collect; the child service does.");
    }
}
