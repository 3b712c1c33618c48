using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Core.Sync;
using DocSync.Core.Outbox;
using DocSync.Core.Persistence;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator;
using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Export.Crash;

/// <summary>
/// Everything the crash test shares between the test process and the killed service: a temp folder
/// with a SQLite database, blobs and a key ring; an emulator on a loopback port with a small latency
/// on every call; DocSync.Core in this process on the same files (its export worker never runs here),
/// for seeding, editing and looking.
/// </summary>
public sealed class CrashWorld : IAsyncDisposable
{
    /// <summary>The connection's root folder in Dropbox, under which every exported file lands.</summary>
    public const string RootFolder = "/DocSync";

    private readonly ServiceProvider _services;
    private readonly List<Guid> _exportable = [];
    private int _edits;
    private int _created;
    private TaskCompletionSource _dropboxCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CrashWorld(string folder, DropboxEmulator emulator, ServiceProvider services)
    {
        Folder = folder;
        Emulator = emulator;
        _services = services;
        Log = new ProcessLog(Path.Combine(folder, "docsync.log"));

        // The first mutation a life causes is its token renewal, right before its first upload.
        emulator.State.Mutated += () => _dropboxCalled.TrySetResult();
    }

    public string Folder { get; }

    public DropboxEmulator Emulator { get; }

    public ProcessLog Log { get; }

    /// <summary>The running child, if any; killed on dispose whatever happened.</summary>
    public DocSyncProcess? Child { get; private set; }

    public Guid CompanyId { get; private set; }

    public Guid ConnectionId { get; private set; }

    /// <summary>The invoices and credit notes made so far.</summary>
    public IReadOnlyList<Guid> Exportable
    {
        get
        {
            lock (_exportable)
            {
                return [.. _exportable];
            }
        }
    }

    /// <summary>Completes when the running child first talks to Dropbox (renews its access token).</summary>
    public Task DropboxCalled => _dropboxCalled.Task;

    /// <summary>Whether the folder stays after the test: after a failure, or when DOCSYNC_CRASH_KEEP is set.</summary>
    public bool KeepFolder { get; set; } = Environment.GetEnvironmentVariable("DOCSYNC_CRASH_KEEP") is { Length: > 0 };

    private string DatabasePath => Path.Combine(Folder, "docsync.db");

    private string BlobsPath => Path.Combine(Folder, "blobs");

    private string KeysPath => Path.Combine(Folder, "keys");

    public static async Task<CrashWorld> CreateAsync(int seed)
    {
        var folder = Directory.CreateTempSubdirectory("docsync-crash-").FullName;
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
        var world = new CrashWorld(folder, emulator, services.BuildServiceProvider(validateScopes: true));
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

    /// <summary>
    /// A company with <paramref name="invoices"/> invoices, <paramref name="creditNotes"/> credit notes and
    /// <paramref name="quotes"/> quotes (not exported), a connection to Alice's Dropbox, and the export profile
    /// whose creation queues the backfill.
    /// </summary>
    public async Task SeedAsync(int invoices, int creditNotes, int quotes)
    {
        await using (var unit = _services.CreateAsyncScope())
        {
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
        }

        // Two at a time: rendering the PDFs is most of the work, and there are two cores.
        await Parallel.ForEachAsync(Enumerable.Range(1, invoices + creditNotes + quotes), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
        {
            var (type, number) = i <= invoices ? (DocumentType.Invoice, $"F2025-{i:0000}")
                : i <= invoices + creditNotes ? (DocumentType.CreditNote, $"CN2025-{i - invoices:0000}")
                : (DocumentType.Quote, $"Q2025-{i - invoices - creditNotes:0000}");
            await CreateAsync(type, number, i);
        });

        await using var scope = Scope();
        var services = scope.ServiceProvider;
        // The documents were there long before the profile: their outbox messages are old news.
        await services.GetRequiredService<SyncQueue>().DispatchOutboxAsync();
        services.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(CompanyId));
        var account = Emulator.Account(WorldSeeder.AliceEmail);
        ConnectionId = (await services.GetRequiredService<ConnectionService>().LinkAsync(new LinkRequest(
            "Accounting", RootFolder, account.AccountId, WorldSeeder.AliceEmail, "Alice", null, false, false,
            Emulator.MintRefreshToken(WorldSeeder.AliceEmail)))).Id;
        await services.GetRequiredService<ExportService>().CreateProfileAsync(ConnectionId, new ExportProfileInput
        {
            Name = "Sales",
            DocumentTypes = [DocumentType.Invoice, DocumentType.CreditNote],
            PathTemplate = "{year}/{type}/{number} {counterparty}",
            IncludeUbl = true,
        });
    }

    /// <summary>The service's settings: the same database, blobs and keys, Dropbox at the emulator, small rounds.</summary>
    public IReadOnlyDictionary<string, string> ChildSettings() => new Dictionary<string, string>
    {
        ["DocSync__Database__Provider"] = nameof(DatabaseProvider.Sqlite),
        ["DocSync__Database__ConnectionString"] = $"Data Source={DatabasePath}",
        ["DocSync__Blobs__RootPath"] = BlobsPath,
        ["DocSync__Web__KeysPath"] = KeysPath,
        ["DocSync__Dropbox__AppKey"] = WorldSeeder.AppKey,
        ["DocSync__Dropbox__AppSecret"] = WorldSeeder.AppSecret,
        ["DocSync__Dropbox__BaseUri"] = Emulator.BaseUri.ToString(),
        ["DocSync__Dropbox__Emulator__Enabled"] = "false",
        ["DocSync__Export__Enabled"] = "true",
        ["DocSync__Export__BatchSize"] = "25",
        ["DocSync__Export__InstanceId"] = "crash-test",
        ["DocSync__Export__PollInterval"] = "00:00:00.200",
        // Each Dropbox request in the log as it leaves and returns (route, time), without the handler chatter.
        ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Warning",
        ["Logging__LogLevel__System.Net.Http.HttpClient.DocSync.Dropbox.LogicalHandler"] = "Information",
    };

    /// <summary>Starts the service (life <paramref name="life"/>) and waits until it answers.</summary>
    public async Task<DocSyncProcess> StartChildAsync(int life)
    {
        if (Child is not null)
        {
            throw new InvalidOperationException("A child is already running.");
        }
        _dropboxCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Child = await DocSyncProcess.StartAsync(ChildSettings(), Folder, Log, life);
        return Child;
    }

    /// <summary>SIGKILLs the running service and waits for it to be gone; false when it had exited on its own.</summary>
    public async Task<bool> KillChildAsync()
    {
        var child = Child ?? throw new InvalidOperationException("No child is running.");
        var killed = await child.KillAsync();
        await child.DisposeAsync();
        Child = null;
        return killed;
    }

    /// <summary>A unit of work in the company, as the system.</summary>
    public AsyncServiceScope Scope()
    {
        var unit = _services.CreateAsyncScope();
        if (CompanyId != Guid.Empty)
        {
            unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(CompanyId));
        }
        return unit;
    }

    /// <summary>Tasks not dead, dead tasks, outbox messages not yet dispatched (outbox first: see <see cref="SyncQueue.DispatchOutboxAsync"/>).</summary>
    public async Task<QueueState> QueueAsync()
    {
        await using var unit = Scope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var outbox = await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.ProcessedAt == null);
        var pending = await db.SyncTasks.CountAsync(t => t.DeadAt == null);
        var dead = await db.SyncTasks.CountAsync(t => t.DeadAt != null);
        var exported = await db.ExportedFiles.CountAsync(f => f.DropboxId != ""); // intents (no id yet) are not exports
        return new QueueState(pending, dead, outbox, exported);
    }

    /// <summary>
    /// Continuous export: <paramref name="edits"/> new versions of exported documents (one in five renumbered,
    /// so its files move) and <paramref name="creates"/> new invoices, drawn from <paramref name="random"/>.
    /// </summary>
    public async Task EditAsync(Random random, int edits, int creates)
    {
        for (var i = 0; i < edits; i++)
        {
            await EditAsync(_exportable[random.Next(_exportable.Count)], renumber: random.Next(5) == 0);
        }
        for (var i = 0; i < creates; i++)
        {
            var n = Interlocked.Increment(ref _created);
            await CreateAsync(DocumentType.Invoice, $"F2025-N{n:0000}", 1000 + n);
        }
    }

    /// <summary>A new version of document <paramref name="id"/> (another note and line; with <paramref name="renumber"/>, another number).</summary>
    public async Task EditAsync(Guid id, bool renumber)
    {
        var edit = Interlocked.Increment(ref _edits);
        await using var unit = Scope();
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var current = await documents.GetAsync(id);
        var content = CrashInvoices.Edited(current.Content, edit);
        if (renumber)
        {
            content = content with { Number = $"{current.Content.Number.Split("-R")[0]}-R{edit}" };
        }
        await documents.UpdateAsync(id, new UpdateDocumentRequest { Content = content, Status = current.Status });
    }

    /// <summary>Every file in Alice's Dropbox under the root folder, as the emulator holds it now.</summary>
    public IReadOnlyList<ServerFile> ServerFiles()
    {
        var account = Emulator.Account(WorldSeeder.AliceEmail);
        lock (Emulator.State.Gate)
        {
            var view = Emulator.State.ViewOfNamespace(account.HomeNamespaceId);
            return view.Store.Descendants(view.PrefixLower + RootFolder.ToLowerInvariant())
                .Where(n => !n.IsFolder && n.Current is not null)
                .Select(n => new ServerFile(n.PathDisplay[view.PrefixDisplay.Length..], n.Id, n.Current!.Rev, n.Current.ContentHash, n.Current.Size))
                .ToList();
        }
    }

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepFolder)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task CreateAsync(DocumentType type, string number, int index)
    {
        await using var unit = Scope();
        var created = await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest
        {
            Content = CrashInvoices.Document(type, number, index),
            Status = DocumentStatus.Final,
        });
        if (type != DocumentType.Quote)
        {
            lock (_exportable)
            {
                _exportable.Add(created.Document.Id);
            }
        }
    }

    /// <summary>This process never exports: the worker here is not started, so nothing connects.</summary>
    private sealed class NoDropbox : IDropboxConnector
    {
        public DropboxClient Connect(DropboxConnection connection, string refreshToken) =>
            throw new InvalidOperationException("The test process does not export; the child service does.");
    }
}
