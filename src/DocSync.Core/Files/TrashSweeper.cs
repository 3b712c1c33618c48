using DocSync.Core.Access;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Files;

/// <summary>
/// Purges, in every company, what has been in the Files trash longer than <see cref="FilesOptions.TrashRetention"/>,
/// as DocSync itself (audited per company). The blobs of purged files are left to the blob sweep.
/// </summary>
public sealed partial class TrashSweeper(IServiceScopeFactory scopes, IOptions<FilesOptions> options, TimeProvider time, ILogger<TrashSweeper> logger)
{
    /// <summary>Purges what is due.</summary>
    /// <param name="cancellationToken">Cancels the sweep (what was purged stays purged).</param>
    /// <returns>How many trash items were purged.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.TrashRetention;
        List<Guid> companies;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            companies = await db.FolderFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.TrashGroupId == f.Id && f.DeletedAt < cutoff).Select(f => f.CompanyId)
                .Concat(db.Folders.IgnoreQueryFilters().AsNoTracking().Where(f => f.TrashGroupId == f.Id && f.DeletedAt < cutoff).Select(f => f.CompanyId))
                .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var purged = 0;
        foreach (var companyId in companies)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
            var count = await scope.ServiceProvider.GetRequiredService<FileTrash>().PurgeDeletedBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                Purged(logger, count, companyId);
            }

            purged += count;
        }

        return purged;
    }

    [LoggerMessage(EventId = 2631, Level = LogLevel.Information, Message = "Purged {Count} trash items older than the retention in company {CompanyId}")]
    private static partial void Purged(ILogger logger, int count, Guid companyId);
}
