using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Core.Sync;
using DocSync.Core.Persistence;
using DocSync.Dropbox;
using DocSync.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DocSync.Export.Bench;

/// <summary>
/// DocSync.Core wired as the web host wires it (system clock, migrations on start, SQLite in WAL
/// mode), on a fresh database, talking to the emulator through an HttpClient whose requests are
/// counted; EF Core's commands are counted too.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly PostgresCluster? _postgres;
    private readonly string _folder;

    private BenchHost(ServiceProvider services, PostgresCluster? postgres, string folder, CountingHandler dropbox, HttpClient http,
        DropboxClientOptions clientOptions, CommandCounter commands, ErrorLoggerProvider log)
    {
        _services = services;
        _postgres = postgres;
        _folder = folder;
        Dropbox = dropbox;
        Http = http;
        ClientOptions = clientOptions;
        Commands = commands;
        Log = log;
    }

    /// <summary>Counts the requests of every DocSync Dropbox client (the engine's, and the baseline's).</summary>
    public CountingHandler Dropbox { get; }

    public HttpClient Http { get; }

    /// <summary>Client options as the web host uses them for the emulator (library defaults: 8 uploads at once, 1,000 per commit).</summary>
    public DropboxClientOptions ClientOptions { get; }

    public CommandCounter Commands { get; }

    public ErrorLoggerProvider Log { get; }

    public IServiceProvider Services => _services;

    public Guid CompanyId { get; private set; }

    public CompanyScope Owner { get; private set; } = null!;

    public Guid ConnectionId { get; private set; }

    public string RefreshToken { get; private set; } = "";

    public static async Task<BenchHost> StartAsync(string provider, Uri emulator)
    {
        var folder = Directory.CreateTempSubdirectory("docsync-export-bench-").FullName;
        var postgres = provider == "postgresql" ? PostgresCluster.Start() : null;
        var connectionString = postgres is null ? $"Data Source={Path.Combine(folder, "docsync.db")}" : await CreateDatabaseAsync(postgres);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocSync:Database:Provider"] = postgres is null ? "Sqlite" : "PostgreSql",
            ["DocSync:Database:ConnectionString"] = connectionString,
            ["DocSync:Blobs:RootPath"] = Path.Combine(folder, "blobs"),
            ["DocSync:Export:InstanceId"] = "bench",
        }).Build();

        var dropbox = new CountingHandler();
        var http = new HttpClient(dropbox) { Timeout = Timeout.InfiniteTimeSpan };
        var clientOptions = new DropboxClientOptions
        {
            ApiBaseUri = emulator,
            ContentBaseUri = emulator,
            NotifyBaseUri = emulator,
            OAuthTokenBaseUri = emulator,
            OAuthAuthorizeBaseUri = emulator,
            AppKey = EmulatorProcess.AppKey,
            AppSecret = EmulatorProcess.AppSecret,
        };
        var commands = new CommandCounter();
        var log = new ErrorLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(log));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddDocSyncCore(configuration);
        services.ConfigureDbContext<DocSyncDbContext>((_, o) => o.AddInterceptors(commands));
        services.AddSingleton<IDropboxConnector>(new Connector(http, clientOptions));
        var host = new BenchHost(services.BuildServiceProvider(validateScopes: true), postgres, folder, dropbox, http, clientOptions, commands, log);
        await host.MigrateAsync(postgres is null);
        return host;
    }

    /// <summary>A unit of work (like one request) acting in <paramref name="scope"/>'s company, or in none.</summary>
    public AsyncServiceScope Scope(CompanyScope? scope = null)
    {
        var unit = _services.CreateAsyncScope();
        if (scope is not null)
        {
            unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(scope);
        }
        return unit;
    }

    /// <summary>A client acting for the linked account, as the engine gets one.</summary>
    public DropboxClient Client() => _services.GetRequiredService<IDropboxConnector>().Connect(null!, RefreshToken);

    /// <summary>A person, their company, and a connection to the emulator's account (as after "Link Dropbox").</summary>
    public async Task SetUpCompanyAsync(string accountId, string refreshToken)
    {
        var now = DateTimeOffset.UtcNow;
        var email = "owner@example.be";
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Owner",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = now,
        };
        await using (var unit = Scope())
        {
            unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Users.Add(person);
            await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().SaveChangesAsync();
            var company = await unit.ServiceProvider.GetRequiredService<CompanyService>().CreateAsync("Atelier Lumière BV", "BE", "BE 0477.472.701", person.Id);
            CompanyId = company.Id;
        }
        Owner = new CompanyScope(CompanyId, Actor.Person(person.Id), RoleRights.For(CompanyRole.Owner));
        RefreshToken = refreshToken;
        await using (var unit = Scope(Owner))
        {
            var info = await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(
                new LinkRequest("Accounting", "/DocSync", accountId, EmulatorProcess.Account, "Alice", null, false, true, refreshToken));
            ConnectionId = info.Id;
        }
    }

    /// <summary>The export profile (invoices and credit notes, PDF + UBL, the default layout); creating it queues the backfill.</summary>
    public async Task<Guid> CreateProfileAsync()
    {
        await using var unit = Scope(Owner);
        var view = await unit.ServiceProvider.GetRequiredService<ExportService>().CreateProfileAsync(ConnectionId, new ExportProfileInput
        {
            Name = "Sales",
            DocumentTypes = [Core.Documents.DocumentType.Invoice, Core.Documents.DocumentType.CreditNote],
            PathTemplate = Core.Export.Paths.ExportPathPresets.ByYearThenType,
            IncludeUbl = true,
        });
        return view.Profile.Id;
    }

    public async Task<T> QueryAsync<T>(Func<DocSyncDbContext, Task<T>> query)
    {
        await using var unit = Scope(CompanyScope.System(CompanyId));
        return await query(unit.ServiceProvider.GetRequiredService<DocSyncDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Http.Dispose();
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            _postgres.Dispose();
        }
        Directory.Delete(_folder, recursive: true);
    }

    private async Task MigrateAsync(bool sqlite)
    {
        await using var unit = Scope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        await db.Database.MigrateAsync();
        if (sqlite)
        {
            // As DocSync.Web does on start.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    private static async Task<string> CreateDatabaseAsync(PostgresCluster postgres)
    {
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE docsync_bench", connection);
            await create.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        return postgres.ConnectionString("docsync_bench");
    }

    /// <summary>Clients for connections, as DocSync.Web's <c>DropboxApp</c> makes them: renewing access from the stored grant.</summary>
    private sealed class Connector(HttpClient http, DropboxClientOptions options) : IDropboxConnector
    {
        public DropboxClient Connect(DropboxConnection connection, string refreshToken) =>
            new(http, new RefreshingTokenProvider(new DropboxOAuth(http, options), refreshToken), options);
    }
}
