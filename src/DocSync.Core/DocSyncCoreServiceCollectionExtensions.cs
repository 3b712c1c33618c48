using DocSync.Core.Reading;
using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using DocSync.Core.Auditing;
using DocSync.Core.Blobs;
using DocSync.Core.Companies;
using DocSync.Core.Demo;
using DocSync.Core.Documents;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DocSync.Core: persistence, blobs, the company context and the application services.</summary>
public static class DocSyncCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatabaseOptions"/> (from <c>DocSync:Database</c>) and
    /// <see cref="BlobStoreOptions"/> (from <c>DocSync:Blobs</c>), both validated on start; the
    /// <see cref="DocSyncDbContext"/> on the configured provider; a scoped <see cref="CompanyContext"/>
    /// (also as <see cref="ICompanyContext"/>); the <see cref="BlobStore"/> and the <see cref="DocumentPdfRenderer"/> (singletons); the
    /// application services (scoped); and <see cref="TimeProvider.System"/> unless one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root.</param>
    public static IServiceCollection AddDocSyncCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddOptions<BlobStoreOptions>().Bind(configuration.GetSection(BlobStoreOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobStoreOptions>, BlobStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<DocSyncDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseDocSyncDatabase(database.Provider, database.ConnectionString);
        });
        services.AddScoped<CompanyContext>();
        services.AddScoped<ICompanyContext>(sp => sp.GetRequiredService<CompanyContext>());
        services.AddSingleton<BlobStore>();
        services.AddSingleton<BlobSweeper>();
        services.AddScoped<CompanyAccess>();
        services.AddScoped<CompanyService>();
        services.AddScoped<MembershipService>();
        services.AddOptions<DocSync.Core.Invitations.InvitationOptions>().Bind(configuration.GetSection(DocSync.Core.Invitations.InvitationOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSync.Core.Invitations.InvitationOptions>, DocSync.Core.Invitations.InvitationOptionsValidator>());
        services.AddScoped<DocSync.Core.Invitations.InvitationService>();
        services.AddScoped<DocSync.Core.Accounts.SecurityAudit>();
        services.AddOptions<DocSync.Core.Accounts.SignInSecurityOptions>().Bind(configuration.GetSection(DocSync.Core.Accounts.SignInSecurityOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSync.Core.Accounts.SignInSecurityOptions>, DocSync.Core.Accounts.SignInSecurityOptionsValidator>());
        services.AddSingleton<DocumentPdfRenderer>();
        services.AddScoped<DocumentService>();
        services.AddScoped<BinderService>();
        services.AddScoped<InboxService>();
        services.AddScoped<FolderService>();
        services.AddScoped<DocSync.Core.Files.FileBrowser>();
        services.AddScoped<DocSync.Core.Files.FileTrash>();
        services.AddSingleton<DocSync.Core.Files.TrashSweeper>();
        services.AddOptions<DocSync.Core.Files.FilesOptions>().Bind(configuration.GetSection(DocSync.Core.Files.FilesOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSync.Core.Files.FilesOptions>, DocSync.Core.Files.FilesOptionsValidator>());
        services.AddScoped<AuditLogService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<DocSync.Core.Connections.ConnectionService>();
        services.TryAddSingleton<DocSync.Core.Connections.ISecretProtector, DocSync.Core.Connections.DataProtectionSecretProtector>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<DocSync.Core.Sync.ConnectionClients>();
        services.AddSingleton<DocSync.Core.Sync.SyncLoops>();
        services.AddSingleton<DocSync.Core.Sync.RelinkHandler>();
        services.AddScoped<DocSync.Core.Sync.SyncLoopStatus>();
        services.AddOptions<DocSync.Core.Export.ExportOptions>().Bind(configuration.GetSection(DocSync.Core.Export.ExportOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSync.Core.Export.ExportOptions>, DocSync.Core.Export.ExportOptionsValidator>());
        services.AddSingleton<DocSync.Core.Outbox.OutboxSignal>();
        services.AddScoped<DocSync.Core.Export.SyncQueue>();
        services.AddScoped<DocSync.Core.Export.ExportExecutor>();
        services.AddScoped<DocSync.Core.Export.ExportService>();
        services.AddScoped<DocSync.Core.Export.AccountantMode>();
        services.AddOptions<DocSync.Core.Notifications.SmtpOptions>().Bind(configuration.GetSection(DocSync.Core.Notifications.SmtpOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSync.Core.Notifications.SmtpOptions>, DocSync.Core.Notifications.SmtpOptionsValidator>());
        services.AddSingleton<DocSync.Core.Notifications.Mailer>();
        services.AddOptions<DocSync.Core.Notifications.NotificationOptions>().Bind(configuration.GetSection(DocSync.Core.Notifications.NotificationOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSync.Core.Notifications.NotificationOptions>, DocSync.Core.Notifications.NotificationOptionsValidator>());
        services.AddScoped<DocSync.Core.Notifications.NotificationCenter>();
        services.AddSingleton<DocSync.Core.Notifications.NotificationWorker>();
        services.AddSingleton<DocSync.Core.Export.SyncWorker>();
        services.AddScoped<DocSync.Core.Export.Presence.PresenceCheck>();
        services.AddSingleton<DocSync.Core.Sync.Changes.IAccountChangeListener>(sp => sp.GetRequiredService<DocSync.Core.Export.SyncWorker>());
        services.AddSingleton<DocSync.Core.Sync.Changes.AccountChanges>();
        services.AddDocSyncReading(configuration);
        services.AddSingleton<DocSync.Core.Organizing.InboxReadingSignal>();
        services.AddSingleton<DocSync.Core.Organizing.InboxReader>();
        services.AddOptions<DocSync.Core.Collect.CollectOptions>().Bind(configuration.GetSection(DocSync.Core.Collect.CollectOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocSync.Core.Collect.CollectOptions>, DocSync.Core.Collect.CollectOptionsValidator>());
        services.AddSingleton<DocSync.Core.Collect.ChannelLocks>();
        services.AddSingleton<DocSync.Core.Collect.CollectWorker>();
        services.AddSingleton<DocSync.Core.Sync.Changes.IAccountChangeListener>(sp => sp.GetRequiredService<DocSync.Core.Collect.CollectWorker>());
        services.AddScoped<DocSync.Core.Collect.CollectRunner>();
        services.AddScoped<DocSync.Core.Collect.CollectService>();
        services.AddSingleton<DocSync.Core.Overview.DropboxSpace>();
        services.AddScoped<DocSync.Core.Overview.OverviewQuery>();
        return services;
    }
}
