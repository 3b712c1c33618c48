using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using DocSync.Core.Auditing;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Organizing;
using DocSync.Core.Outbox;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DocSync.Core.Persistence;

/// <summary>
/// DocSync's one EF Core model, on SQLite or PostgreSQL. It holds the Identity user tables (people
/// sign in across companies) and every company-scoped entity. Each <see cref="ICompanyScoped"/>
/// entity gets a query filter on the current company of <see cref="ICompanyContext"/>; saving
/// refuses changes to another company's rows, writes an <see cref="AuditEntry"/> per change and an
/// <see cref="OutboxMessage"/> per new document version, all in the same transaction.
/// </summary>
public sealed partial class DocSyncDbContext : IdentityUserContext<Person, Guid>
{
    private readonly ICompanyContext _companyContext;
    private readonly TimeProvider _time;
    private readonly OutboxSignal? _signal;

    /// <summary>Creates the context.</summary>
    /// <param name="options">Provider, connection and migrations assembly.</param>
    /// <param name="companyContext">The current company; every scoped query is filtered by it.</param>
    /// <param name="time">The clock for audit and outbox timestamps.</param>
    /// <param name="signal">Told when outbox messages were saved (wakes the sync worker).</param>
    public DocSyncDbContext(DbContextOptions<DocSyncDbContext> options, ICompanyContext companyContext, TimeProvider time, OutboxSignal? signal = null)
        : base(options)
    {
        _companyContext = companyContext;
        _time = time;
        _signal = signal;
    }

    /// <summary>Companies (not scoped: a company is the scope).</summary>
    public DbSet<Company> Companies => Set<Company>();

    /// <summary>People's roles in the current company.</summary>
    public DbSet<Membership> Memberships => Set<Membership>();

    /// <summary>The current company's invitations (pending memberships).</summary>
    public DbSet<Invitations.Invitation> Invitations => Set<Invitations.Invitation>();

    /// <summary>The current company's documents.</summary>
    public DbSet<Document> Documents => Set<Document>();

    /// <summary>Versions of the current company's documents.</summary>
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    /// <summary>Files of the current company's documents.</summary>
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();

    /// <summary>Idempotency keys of document creation.</summary>
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>The current company's binders.</summary>
    public DbSet<Binder> Binders => Set<Binder>();

    /// <summary>The current company's inbox.</summary>
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();

    /// <summary>The current company's folders.</summary>
    public DbSet<Folder> Folders => Set<Folder>();

    /// <summary>Files in the current company's folders.</summary>
    public DbSet<FolderFile> FolderFiles => Set<FolderFile>();

    /// <summary>The current company's API keys.</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The current company's audit log.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The current company's outbox.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Linked Dropbox accounts.</summary>
    public DbSet<Connections.DropboxConnection> DropboxConnections => Set<Connections.DropboxConnection>();

    /// <summary>Export profiles.</summary>
    public DbSet<Export.ExportProfile> ExportProfiles => Set<Export.ExportProfile>();

    /// <summary>Files exported to Dropbox (the synced state).</summary>
    public DbSet<Export.ExportedFile> ExportedFiles => Set<Export.ExportedFile>();

    /// <summary>The persistent sync task queue.</summary>
    public DbSet<Export.SyncTask> SyncTasks => Set<Export.SyncTask>();

    /// <summary>The per-file sync log.</summary>
    public DbSet<Export.SyncLogEntry> SyncLog => Set<Export.SyncLogEntry>();

    /// <summary>The live state of each connection's loop.</summary>
    public DbSet<Export.ConnectionActivity> ConnectionActivities => Set<Export.ConnectionActivity>();

    /// <summary>Every engine's loops: lease and state.</summary>
    public DbSet<Sync.SyncLoop> SyncLoops => Set<Sync.SyncLoop>();

    /// <summary>Where each engine's reading of a Dropbox folder's changes stands.</summary>
    public DbSet<Sync.Changes.SyncCursor> SyncCursors => Set<Sync.Changes.SyncCursor>();

    /// <summary>Collection channels.</summary>
    public DbSet<Collect.CollectionChannel> CollectionChannels => Set<Collect.CollectionChannel>();

    /// <summary>The collection ledger: every Dropbox file (id, content) a channel has seen.</summary>
    public DbSet<Collect.CollectedFile> CollectedFiles => Set<Collect.CollectedFile>();

    /// <summary>Collection runs (the history).</summary>
    public DbSet<Collect.CollectionRun> CollectionRuns => Set<Collect.CollectionRun>();

    /// <summary>The files of each collection run.</summary>
    public DbSet<Collect.CollectionRunFile> CollectionRunFiles => Set<Collect.CollectionRunFile>();

    /// <summary>Events people must hear about, written with the change that made them (the notification outbox).</summary>
    public DbSet<Notifications.NoticeEvent> NoticeEvents => Set<Notifications.NoticeEvent>();

    /// <summary>The current company's notices.</summary>
    public DbSet<Notifications.Notice> Notices => Set<Notifications.Notice>();

    /// <summary>Who has which notice, read or not.</summary>
    public DbSet<Notifications.NoticeRecipient> NoticeRecipients => Set<Notifications.NoticeRecipient>();

    /// <summary>People's notification settings (not scoped: a person's, across companies).</summary>
    public DbSet<Notifications.NoticeSettings> NoticeSettings => Set<Notifications.NoticeSettings>();

    /// <summary>The company every scoped query is filtered on; <see cref="Guid.Empty"/> (matches nothing) when none was entered.</summary>
    internal Guid CurrentCompanyId => _companyContext.CurrentCompanyId ?? Guid.Empty;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DocSyncDbContext).Assembly);
        var apply = typeof(DocSyncDbContext).GetMethod(nameof(ApplyCompanyFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => !t.IsOwned() && typeof(ICompanyScoped).IsAssignableFrom(t.ClrType)))
        {
            apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date-time-offset type and cannot order or compare the text EF would store;
        // UTC ticks as a 64-bit integer keep both. PostgreSQL stores them as timestamptz.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    private void ApplyCompanyFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, ICompanyScoped =>
        builder.Entity<TEntity>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
}
