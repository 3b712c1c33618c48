using DocSync.Core.Export;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Persistence;

/// <summary><see cref="DocSyncDbContext.InsertRowsAsync{T}"/> and <see cref="DocSyncDbContext.DeleteRowsAsync{T}"/> on both databases.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class BulkRowsTests(DatabaseFixture fixture)
{
    private static SyncLogEntry Line(Guid companyId, int i, DateTimeOffset at) => new()
    {
        CompanyId = companyId,
        ConnectionId = Guid.CreateVersion7(),
        ProfileId = Guid.CreateVersion7(),
        DocumentId = i % 3 == 0 ? null : Guid.CreateVersion7(),
        At = at.AddMilliseconds(i),
        Action = (SyncAction)(i % 3),
        Outcome = i % 2 == 0 ? SyncOutcome.Ok : SyncOutcome.Warning,
        Path = i % 5 == 0 ? null : $"/DocSync/2025/F-{i} 'quote' \"double\" é.pdf",
        Rev = i % 7 == 0 ? null : $"rev{i}",
        Detail = i % 4 == 0 ? null : new string('x', i % 300),
    };

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Many_rows_go_in_a_few_statements_and_read_back_exactly_and_deleting_by_key_removes_only_those(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        var at = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);
        var lines = Enumerable.Range(0, 2_345).Select(i => Line(owner.CompanyId, i, at)).ToList();
        await using (var unit = host.Scope(owner))
        {
            await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().InsertRowsAsync(lines);
        }

        await using (var unit = host.Scope(owner))
        {
            var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var stored = await db.SyncLog.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
            stored.Count.ShouldBe(lines.Count);
            stored.Select(l => l.Id).Distinct().Count().ShouldBe(lines.Count, "the store numbers the lines");
            stored.Select(l => (l.ConnectionId, l.ProfileId, l.DocumentId, l.At, l.Action, l.Outcome, l.Path, l.Rev, l.Detail))
                .OrderBy(l => l.ConnectionId)
                .ShouldBe(lines.Select(l => (l.ConnectionId, l.ProfileId, l.DocumentId, l.At, l.Action, l.Outcome, l.Path, l.Rev, l.Detail)).OrderBy(l => l.ConnectionId));
            (await db.SyncLog.Where(l => l.At > at.AddMilliseconds(2_000)).CountAsync()).ShouldBe(344, "times compare as times in the store");

            await db.DeleteRowsAsync(stored.Where(l => l.Id % 2 == 0).ToList());
            (await db.SyncLog.CountAsync()).ShouldBe(stored.Count(l => l.Id % 2 != 0));
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_row_of_another_company_is_refused_before_anything_is_written_and_a_row_without_one_gets_the_current(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        var other = await host.NewCompanyAsync("Other BV", "other@example.be");
        var at = DateTimeOffset.UnixEpoch;
        await using var unit = host.Scope(owner);
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();

        await Should.ThrowAsync<CompanyScopeViolationException>(() => db.InsertRowsAsync([Line(owner.CompanyId, 1, at), Line(other.CompanyId, 2, at)]));
        (await db.SyncLog.IgnoreQueryFilters().CountAsync()).ShouldBe(0);

        var unstamped = Line(Guid.Empty, 3, at);
        await db.InsertRowsAsync([unstamped]);
        unstamped.CompanyId.ShouldBe(owner.CompanyId);
        (await db.SyncLog.SingleAsync()).CompanyId.ShouldBe(owner.CompanyId);

        var theirs = Line(other.CompanyId, 4, at);
        await Should.ThrowAsync<CompanyScopeViolationException>(() => db.DeleteRowsAsync([theirs]));
    }
}
