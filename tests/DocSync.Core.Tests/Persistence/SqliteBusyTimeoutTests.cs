using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Persistence;

[Collection(DatabaseCollection.Name)]
public sealed class SqliteBusyTimeoutTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Connection_Sqlite_WaitsInSqliteRatherThanInBlockingRetries()
    {
        await using var host = await TestHost.StartAsync(fixture, DatabaseProvider.Sqlite);
        await using var unit = host.Scope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();

        var timeout = await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync();

        timeout.ShouldHaveSingleItem().ShouldBe(30_000);
    }
}
