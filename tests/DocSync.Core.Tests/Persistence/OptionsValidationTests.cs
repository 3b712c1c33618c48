using DocSync.Core.Blobs;
using DocSync.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Tests.Persistence;

public sealed class OptionsValidationTests
{
    [Fact]
    public void AddDocSyncCore_NoConfiguration_DefaultsToSqliteUnderData()
    {
        using var services = Build([]);

        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var blobs = services.GetRequiredService<IOptions<BlobStoreOptions>>().Value;

        (database.Provider, database.ConnectionString).ShouldBe((DatabaseProvider.Sqlite, "Data Source=data/docsync.db"));
        (blobs.RootPath, blobs.MaxBlobBytes).ShouldBe((Path.Combine("data", "blobs"), 100L * 1024 * 1024));
    }

    [Fact]
    public void AddDocSyncCore_BadSettings_FailNamingEachSetting()
    {
        using var services = Build(new()
        {
            ["DocSync:Database:ConnectionString"] = " ",
            ["DocSync:Blobs:MaxBlobBytes"] = "0",
        });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value)
            .Message.ShouldContain("DocSync:Database:ConnectionString");
        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<BlobStoreOptions>>().Value)
            .Message.ShouldContain("DocSync:Blobs:MaxBlobBytes");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDocSyncCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
