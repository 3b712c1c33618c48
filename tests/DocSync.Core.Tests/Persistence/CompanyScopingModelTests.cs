using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Tests.Persistence;

/// <summary>Guards the design: a new entity or a new bypass of the company filter cannot slip in unnoticed.</summary>
public sealed class CompanyScopingModelTests
{
    /// <summary>Entity types deliberately outside any company, with the reason.</summary>
    private static readonly Dictionary<string, string> Global = new()
    {
        [nameof(Company)] = "a company is the scope itself; writes are checked against the current company",
        [nameof(Person)] = "people sign in across companies; what they see goes through their memberships",
        ["IdentityUserClaim<Guid>"] = "Identity's rows of a person",
        ["IdentityUserLogin<Guid>"] = "Identity's rows of a person",
        ["IdentityUserToken<Guid>"] = "Identity's rows of a person",
        ["NoticeSettings"] = "a person's e-mail choice for notices, the same in every company; read and written for the signed-in person only",
    };

    /// <summary>The only source files allowed to read across companies, with the reason.</summary>
    private static readonly Dictionary<string, string> FilterBypasses = new()
    {
        ["Access/CompanyAccess.cs"] = "resolving a person's memberships precedes entering a company",
        ["ApiKeys/ApiKeyService.cs"] = "authenticating a key precedes entering its company",
        ["Export/SyncQueue.cs"] = "the outbox dispatcher serves every company, then enters each one's scope",
        ["Export/SyncWorker.cs"] = "the worker finds connections with work across companies, then runs each in its company's scope",
        ["Collect/CollectWorker.cs"] = "the worker finds due channels across companies (and those of a webhook's accounts), then runs each in its company's scope",
        ["Collect/CollectService.History.cs"] = "the hourly purge of runs past their retention is a system task over every company",
        ["Organizing/InboxReader.cs"] = "the background reader finds unread items across companies, then stores each reading in its company's scope",
        ["Export/ExportService.cs"] = "the hourly log purge applies each profile's retention across companies",
        ["Invitations/InvitationService.cs"] = "an invitation link is looked up by its token's hash before any company is entered, and the invited person sees their invitations of every company",
        ["Accounts/SecurityAudit.cs"] = "a person's account events (failed sign-ins, lockouts) go to the audit log of each company they belong to",
        ["Notifications/NotificationWorker.cs"] = "the notification worker hands out events of every company (each in its company's scope) and mails each person their own notices",
        ["Files/TrashSweeper.cs"] = "the trash sweep finds companies with items past the retention, then purges each in its company's scope",
        ["Blobs/BlobReferences.cs"] = "the blob sweep asks which blobs any company's rows reference: a system task over the shared store",
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Model_EveryEntityType_IsCompanyScopedWithFilterOrListedAsGlobal(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<DocSyncDbContext>().UseDocSyncDatabase(provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1").Options;
        using var db = new DocSyncDbContext(options, new CompanyContext(), TimeProvider.System);

        var unscoped = new List<string>();
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var name = entityType.ClrType.IsGenericType
                ? $"{entityType.ClrType.Name[..entityType.ClrType.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(',', entityType.ClrType.GenericTypeArguments.Select(t => t.Name))}>"
                : entityType.ClrType.Name;
            var scoped = typeof(ICompanyScoped).IsAssignableFrom(entityType.ClrType);
            var filter = entityType.GetDeclaredQueryFilters().SingleOrDefault()?.Expression?.ToString();
            if (scoped)
            {
                filter.ShouldNotBeNull($"{name} is company-scoped but has no query filter");
                filter.ShouldContain("CompanyId", customMessage: $"{name}'s filter is not on its company");
                filter.ShouldContain("CurrentCompanyId", customMessage: $"{name}'s filter is not on the current company");
            }
            else if (!Global.ContainsKey(name))
            {
                unscoped.Add(name);
            }
        }

        unscoped.ShouldBeEmpty("entity types neither company-scoped nor deliberately global");
        db.Model.GetEntityTypes().Count(t => typeof(ICompanyScoped).IsAssignableFrom(t.ClrType)).ShouldBeGreaterThanOrEqualTo(11);
    }

    [Fact]
    public void Sources_IgnoreQueryFilters_OnlyWhereListed()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "DocSync.Core");
        var bypasses = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".IgnoreQueryFilters(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(source, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order()
            .ToList();

        bypasses.ShouldBe(FilterBypasses.Keys.Order().ToList());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocSync.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DocSync.slnx not found above the test binaries.");
    }
}
