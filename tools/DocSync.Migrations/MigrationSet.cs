using System.Reflection;
using DocSync.Core.Access;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Migrations;

/// <summary>One provider's migration set: its project folder and EF's design-time services for it.</summary>
internal sealed class MigrationSet(DatabaseProvider provider, string repositoryRoot)
{
    public DatabaseProvider Provider { get; } = provider;

    private string AssemblyName => Provider == DatabaseProvider.Sqlite
        ? DocSyncDatabase.SqliteMigrationsAssembly
        : DocSyncDatabase.PostgreSqlMigrationsAssembly;

    private string ProjectDirectory => Path.Combine(repositoryRoot, "src", AssemblyName);

    public IEnumerable<string> Add(string name)
    {
        using var context = CreateContext();
        using var services = DesignTimeServices(context);
        var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, AssemblyName, "Migrations", "C#");
        var files = scaffolder.Save(ProjectDirectory, migration, Path.Combine(ProjectDirectory, "Migrations"));
        return new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile }.OfType<string>();
    }

    public IEnumerable<string> RemoveLatest()
    {
        using var context = CreateContext();
        using var services = DesignTimeServices(context);
        var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();

        // force: true removes without asking a database whether it was applied; the docs say never to remove an applied one.
        var files = scaffolder.RemoveMigration(ProjectDirectory, AssemblyName, force: true, language: "C#");
        return new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile }.OfType<string>();
    }

    public bool HasPendingModelChanges()
    {
        using var context = CreateContext();
        return context.Database.HasPendingModelChanges();
    }

    public IEnumerable<string> List()
    {
        using var context = CreateContext();
        return context.Database.GetMigrations().ToList();
    }

    private DocSyncDbContext CreateContext()
    {
        // No database is contacted: scaffolding diffs the model against the set's snapshot.
        var connectionString = Provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1;Database=docsync_design";
        var options = new DbContextOptionsBuilder<DocSyncDbContext>().UseDocSyncDatabase(Provider, connectionString).Options;
        return new DocSyncDbContext(options, new CompanyContext(), TimeProvider.System);
    }

    private static ServiceProvider DesignTimeServices(DocSyncDbContext context)
    {
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
        ProviderDesignTimeServices(context).ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The provider's own design-time services, found as EF's tooling finds them: through the
    /// <see cref="DesignTimeProviderServicesAttribute"/> on the provider's assembly.
    /// </summary>
    private static IDesignTimeServices ProviderDesignTimeServices(DocSyncDbContext context)
    {
        var providerAssembly = Assembly.Load(new AssemblyName(context.Database.ProviderName!));
        var attribute = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()
            ?? throw new InvalidOperationException($"{providerAssembly.GetName().Name} declares no design-time services.");
        var type = providerAssembly.GetType(attribute.TypeName, throwOnError: true)!;
        return (IDesignTimeServices)Activator.CreateInstance(type)!;
    }
}
