using DocSync.Core.Access;
using DocSync.Core.Files;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Puts folders and files in a tenant's Files as a person would, and reads their state back.</summary>
public static class FileSeeds
{
    /// <summary>A folder holding a file, and a second file deleted to the trash; returns their ids.</summary>
    public static async Task<(Guid FolderId, Guid FileId, Guid TrashedId)> SeedFilesAsync(this TestTenant tenant, string folder, string fileName, string text)
    {
        await using var scope = Enter(tenant);
        var folders = scope.ServiceProvider.GetRequiredService<FolderService>();
        var made = await folders.CreateFolderAsync(null, folder);
        var file = await folders.AddFileAsync(made.Id, fileName, "application/pdf", new MemoryStream(RealFiles.Pdf(text)));
        var trashed = await folders.AddFileAsync(made.Id, "old " + fileName, "application/pdf", new MemoryStream(RealFiles.Pdf("old " + text)));
        await folders.TrashFileAsync(trashed.Id);
        return (made.Id, file.Id, trashed.Id);
    }

    /// <summary>Each folder and file of the company with its place, name, version and trash state, for comparing before and after.</summary>
    public static async Task<IReadOnlyList<string>> FilesStateAsync(this TestTenant tenant)
    {
        await using var scope = Enter(tenant);
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var folders = await db.Folders.AsNoTracking().OrderBy(f => f.Id).Select(f => $"folder {f.Id} {f.ParentId} {f.Name} v{f.Version} {f.DeletedAt}").ToListAsync();
        var files = await db.FolderFiles.AsNoTracking().OrderBy(f => f.Id).Select(f => $"file {f.Id} {f.FolderId} {f.FileName} v{f.Version} {f.DeletedAt}").ToListAsync();
        return [.. folders, .. files];
    }

    private static AsyncServiceScope Enter(TestTenant tenant)
    {
        var scope = tenant.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(new CompanyScope(tenant.CompanyId, Actor.Person(tenant.OwnerId), DocSync.Core.Companies.RoleRights.All));
        return scope;
    }
}
