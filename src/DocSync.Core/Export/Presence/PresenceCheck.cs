using DocSync.Core.Export.Paths;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Core.Sync.Changes;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Export.Presence;

/// <summary>What one check of a connection did.</summary>
/// <param name="Profiles">Profiles checked.</param>
/// <param name="PutBack">Files found missing and queued to be put back.</param>
/// <param name="Held">Files found missing and held for a person (more than <see cref="ExportOptions.AskBeforePuttingBack"/>).</param>
/// <param name="Back">Files held earlier that are in Dropbox again.</param>
public sealed record PresenceCheckResult(int Profiles, int PutBack, int Held, int Back);

/// <summary>
/// Checks that the files Export put in Dropbox are still there, per profile, from the profile folder's
/// changes since the last check (one <c>list_folder/continue</c> when nothing changed; the whole folder the
/// first time or after Dropbox resets the cursor). Files deleted in Dropbox are put back — their
/// synced-state rows dropped and their documents queued — up to <see cref="ExportOptions.AskBeforePuttingBack"/>;
/// more are held for a person. Runs inside the connection's loop, so never beside an export round.
/// </summary>
public sealed partial class PresenceCheck(DocSyncDbContext db, SyncQueue queue, IOptions<ExportOptions> options, TimeProvider time, ILogger<PresenceCheck> logger)
{
    private const string PutBackDetail = "Deleted in Dropbox; put back.";
    private const string HeldDetail = "Deleted in Dropbox; held until a person chooses to put it back (many files went at once).";

    private readonly ExportOptions _options = options.Value;

    /// <summary>Checks every enabled profile of the connection whose first copy is complete (in the current company's scope).</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="client">Its Dropbox client.</param>
    /// <param name="cancellationToken">Cancels the check; what was not saved is read again next time.</param>
    public async Task<PresenceCheckResult> RunAsync(Guid connectionId, DropboxClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var profiles = await db.ExportProfiles.AsNoTracking()
            .Where(p => p.ConnectionId == connectionId && p.Enabled && p.BackfillCompletedAt != null)
            .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        int putBack = 0, held = 0, back = 0;
        foreach (var profile in profiles)
        {
            var (p, h, b) = await CheckProfileAsync(profile, client, cancellationToken).ConfigureAwait(false);
            putBack += p;
            held += h;
            back += b;
        }
        return new PresenceCheckResult(profiles.Count, putBack, held, back);
    }

    private async Task<(int PutBack, int Held, int Back)> CheckProfileAsync(ExportProfile profile, DropboxClient client, CancellationToken cancellationToken)
    {
        var root = await db.DropboxConnections.AsNoTracking().Where(c => c.Id == profile.ConnectionId).Select(c => c.RootFolder)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var folder = ExportLayout.Join(root, profile.Folder);
        folder = folder == "/" ? "" : folder;
        var under = DropboxNames.Key(folder) + "/";
        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.Engine == SyncEngine.Export && c.Key == profile.Id, cancellationToken).ConfigureAwait(false);
        // Only files under the folder read can be judged by its listing (accountant mode writes elsewhere).
        var files = (await db.ExportedFiles.AsNoTracking().Where(f => f.ProfileId == profile.Id && f.DropboxId != "")
                .Select(f => new CheckedFile(f.Id, f.DocumentId, f.PathKey, f.DropboxId, f.ExportedAt, f.MissingSince != null))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(f => f.PathKey.StartsWith(under, StringComparison.Ordinal)).ToList();

        PresencePlan plan;
        string? next;
        ListFolderChanges? changes = null;
        if (cursor is not null && string.Equals(cursor.Folder, folder, StringComparison.Ordinal))
        {
            changes = await client.ListChangesAsync(cursor.Cursor, cancellationToken).ConfigureAwait(false);
        }
        if (changes is { IsReset: false })
        {
            plan = PresencePlanner.FromChanges(files, [.. changes.Entries.Select(Listed)]);
            next = changes.Cursor;
        }
        else
        {
            (plan, next) = await FromWholeFolderAsync(folder, files, client, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var alreadyHeld = files.Count(f => f.Missing) - plan.Back.Count;
        var ask = plan.Gone.Count > 0 && alreadyHeld + plan.Gone.Count > _options.AskBeforePuttingBack;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var chunk in plan.Back.Select(f => f.Id).Chunk(400))
            {
                await db.ExportedFiles.Where(f => chunk.Contains(f.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.MissingSince, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
            }
            var gone = await LoadAsync(plan.Gone, cancellationToken).ConfigureAwait(false);
            foreach (var file in gone)
            {
                db.SyncLog.Add(new SyncLogEntry
                {
                    CompanyId = profile.CompanyId,
                    ConnectionId = profile.ConnectionId,
                    ProfileId = profile.Id,
                    DocumentId = file.DocumentId,
                    At = now,
                    Action = SyncAction.Missing,
                    Outcome = SyncOutcome.Warning,
                    Path = file.Path,
                    Rev = file.Rev,
                    Detail = ask ? HeldDetail : PutBackDetail,
                });
                if (ask)
                {
                    file.MissingSince = now;
                }
                else
                {
                    db.ExportedFiles.Remove(file);
                }
            }
            if (next is not null)
            {
                SaveCursor(profile, folder, next, now, cursor is not null);
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (!ask && gone.Count > 0)
            {
                await queue.EnqueueAsync(profile, [.. gone.Select(f => f.DocumentId)], SyncPriority.Change, cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        if (plan.Gone.Count > 0)
        {
            if (ask)
            {
                LogHeld(logger, profile.Id, plan.Gone.Count);
            }
            else
            {
                LogPutBack(logger, profile.Id, plan.Gone.Count);
            }
        }
        return ask ? (0, plan.Gone.Count, plan.Back.Count) : (plan.Gone.Count, 0, plan.Back.Count);
    }

    /// <summary>Lists the whole profile folder (a folder that is not there lists as empty: everything in it is gone).</summary>
    private async Task<(PresencePlan Plan, string? Cursor)> FromWholeFolderAsync(string folder, List<CheckedFile> files, DropboxClient client,
        CancellationToken cancellationToken)
    {
        var listedFrom = time.GetUtcNow();
        var entries = new List<ListedEntry>();
        string? cursor = null;
        try
        {
            await foreach (var page in client.ListFolderPagesAsync(folder, new ListFolderOptions { Recursive = true }, cancellationToken).ConfigureAwait(false))
            {
                entries.AddRange(page.Entries.Select(Listed));
                cursor = page.Cursor;
            }
        }
        catch (DropboxApiException e) when (e.StatusCode == 409 && e.HasTag("path/" + DropboxErrorTags.NotFound))
        {
            // The folder itself is gone: a definite answer, not a failed listing. No cursor can be
            // kept for a folder that is not there, so the next check looks again.
            entries.Clear();
            cursor = null;
        }
        return (PresencePlanner.FromListing(files, entries, listedFrom), cursor);
    }

    private async Task<List<ExportedFile>> LoadAsync(IReadOnlyList<CheckedFile> files, CancellationToken cancellationToken)
    {
        var rows = new List<ExportedFile>(files.Count);
        foreach (var chunk in files.Select(f => f.Id).Chunk(400))
        {
            rows.AddRange(await db.ExportedFiles.Where(f => chunk.Contains(f.Id)).ToListAsync(cancellationToken).ConfigureAwait(false));
        }
        return rows;
    }

    private void SaveCursor(ExportProfile profile, string folder, string next, DateTimeOffset now, bool exists)
    {
        var row = new SyncCursor
        {
            Engine = SyncEngine.Export,
            Key = profile.Id,
            CompanyId = profile.CompanyId,
            ConnectionId = profile.ConnectionId,
            Folder = folder,
            Cursor = next,
            CheckedAt = now,
        };
        if (exists)
        {
            db.SyncCursors.Update(row);
        }
        else
        {
            db.SyncCursors.Add(row);
        }
    }

    private static ListedEntry Listed(Metadata entry)
    {
        var key = DropboxNames.Key(entry.PathDisplay ?? entry.PathLower ?? "");
        return entry switch
        {
            FileMetadata file => new ListedEntry(key, file.Id, ListedKind.File),
            FolderMetadata => new ListedEntry(key, null, ListedKind.Folder),
            _ => new ListedEntry(key, null, ListedKind.Deleted),
        };
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Export profile {ProfileId}: {Count} files were missing in Dropbox; they are put back")]
    private static partial void LogPutBack(ILogger logger, Guid profileId, int count);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Export profile {ProfileId}: {Count} files are missing in Dropbox; held until a person chooses to put them back")]
    private static partial void LogHeld(ILogger logger, Guid profileId, int count);
}
