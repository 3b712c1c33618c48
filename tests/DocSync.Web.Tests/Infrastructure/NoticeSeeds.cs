using DocSync.Core.Access;
using DocSync.Core.Notifications;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Puts notices in a tenant's company as the notification worker makes them, and reads their state back.</summary>
public static class NoticeSeeds
{
    /// <summary>A "connection needs re-linking" notice for the owner; returns its id.</summary>
    public static async Task<Guid> SeedNoticeAsync(this TestTenant tenant, Guid connectionId, string connectionName)
    {
        await using var scope = Enter(tenant);
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var notice = new Notice
        {
            Id = Guid.NewGuid(), CompanyId = tenant.CompanyId, Kind = NoticeKind.ConnectionNeedsRelink, SubjectId = connectionId, SubjectName = connectionName,
            Detail = "Dropbox refused the grant.", DedupKey = $"seed:{Guid.NewGuid():N}", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Notices.Add(notice);
        db.NoticeRecipients.Add(new NoticeRecipient { NoticeId = notice.Id, PersonId = tenant.OwnerId, CompanyId = tenant.CompanyId });
        await db.SaveChangesAsync();
        return notice.Id;
    }

    /// <summary>Each notice of the company with who read it, for comparing before and after.</summary>
    public static async Task<IReadOnlyList<string>> NoticeStateAsync(this TestTenant tenant)
    {
        await using var scope = Enter(tenant);
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        return await db.NoticeRecipients.AsNoTracking().OrderBy(r => r.NoticeId).Select(r => $"notice {r.NoticeId} {r.PersonId} read {r.ReadAt}").ToListAsync();
    }

    private static AsyncServiceScope Enter(TestTenant tenant)
    {
        var scope = tenant.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(new CompanyScope(tenant.CompanyId, Actor.Person(tenant.OwnerId), DocSync.Core.Companies.RoleRights.All));
        return scope;
    }
}
