using System.Globalization;
using System.Text;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Export.Paths;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Export;

/// <summary>
/// The current company's export profiles, queue, dead-letter list and sync log. Needs
/// <see cref="Right.ManageDropboxConnections"/>.
/// </summary>
public sealed class ExportService(DocSyncDbContext db, ICompanyContext company, SyncQueue queue, SyncWorker worker, TimeProvider time)
{
    /// <summary>The profiles of a connection, with their progress.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<ExportProfileView>> ListProfilesAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        await RequireConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var profiles = await db.ExportProfiles.AsNoTracking().Where(p => p.ConnectionId == connectionId).OrderBy(p => p.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<ExportProfileView>(profiles.Count);
        foreach (var profile in profiles)
        {
            views.Add(await ViewAsync(profile, cancellationToken).ConfigureAwait(false));
        }
        return views;
    }

    /// <summary>One profile with its progress.</summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ExportProfileView> GetProfileAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var profile = await db.ExportProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("export profile", profileId);
        return await ViewAsync(profile, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a profile to a connection and queues the copy of every existing document of its types.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="input">The settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ExportProfileView> CreateProfileAsync(Guid connectionId, ExportProfileInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        company.Demand(Right.ManageDropboxConnections);
        var connection = await db.DropboxConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("connection", connectionId);
        Validate(input);
        await RequireUniqueNameAsync(connectionId, input.Name.Trim(), null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var profile = new ExportProfile
        {
            Id = Guid.CreateVersion7(now),
            ConnectionId = connection.Id,
            Name = input.Name.Trim(),
            PathTemplate = input.PathTemplate.Trim(),
            Language = input.Language,
            CreatedAt = now,
        };
        Apply(profile, input, now);
        db.ExportProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (profile.Enabled)
        {
            await queue.QueueAllAsync(profile.Id, SyncPriority.Backfill, cancellationToken).ConfigureAwait(false);
            worker.Wake(connection.Id, profile.CompanyId);
        }
        return await GetProfileAsync(profile.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a profile. A new layout, folder, language or set of files moves what is in Dropbox
    /// (server-side, no re-upload); enabling a profile catches up on what it missed.
    /// </summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="input">The settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ExportProfileView> UpdateProfileAsync(Guid profileId, ExportProfileInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        company.Demand(Right.ManageDropboxConnections);
        var profile = await db.ExportProfiles.SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("export profile", profileId);
        Validate(input);
        await RequireUniqueNameAsync(profile.ConnectionId, input.Name.Trim(), profile.Id, cancellationToken).ConfigureAwait(false);
        var before = (profile.PathTemplate, profile.Folder, profile.Language, profile.DocumentTypes, profile.IncludeUbl, profile.IncludeAttachments, profile.Enabled);
        profile.Name = input.Name.Trim();
        profile.PathTemplate = input.PathTemplate.Trim();
        profile.Language = input.Language;
        Apply(profile, input, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var after = (profile.PathTemplate, profile.Folder, profile.Language, profile.DocumentTypes, profile.IncludeUbl, profile.IncludeAttachments, profile.Enabled);
        if (profile.Enabled && before != after)
        {
            var priority = profile.BackfillStartedAt is null ? SyncPriority.Backfill : SyncPriority.Relayout;
            await queue.QueueAllAsync(profile.Id, priority, cancellationToken).ConfigureAwait(false);
            worker.Wake(profile.ConnectionId, profile.CompanyId);
        }
        return await GetProfileAsync(profile.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a profile with its queue; what it exported stays in Dropbox.</summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DeleteProfileAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var profile = await db.ExportProfiles.SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("export profile", profileId);
        await db.SyncTasks.Where(t => t.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.ExportedFiles.Where(t => t.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.SyncCursors.Where(c => c.Engine == Sync.SyncEngine.Export && c.Key == profileId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.ExportProfiles.Remove(profile);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where the company's documents would land under a layout: the latest ones, then every one
    /// with a problem (an illegal path, two documents on one path) among the latest 5,000.
    /// </summary>
    /// <param name="connectionId">The connection (for its root folder).</param>
    /// <param name="input">The settings to try.</param>
    /// <param name="take">How many plain rows to show.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<ExportPreviewRow>> PreviewAsync(Guid connectionId, ExportProfileInput input, int take = 8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        company.Demand(Right.ManageDropboxConnections);
        var connection = await db.DropboxConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("connection", connectionId);
        if (!ExportPathTemplate.TryParse(input.PathTemplate ?? "", out var template, out var error))
        {
            throw new ValidationFailedException("pathTemplate", "template", error ?? "The layout is not valid.");
        }
        var companyName = await db.Companies.AsNoTracking().Where(c => c.Id == company.CompanyId).Select(c => c.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var bits = ExportProfile.TypeBits(input.DocumentTypes);
        var documents = await db.Documents.AsNoTracking().Where(d => d.DeletedAt == null)
            .OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.CreatedAt)
            .Take(5000).ToListAsync(cancellationToken).ConfigureAwait(false);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<ExportPreviewRow>();
        foreach (var document in documents.Where(d => (bits & ExportProfile.TypeBit(d.Type)) != 0))
        {
            var basePath = ExportLayout.BasePath(template!, connection.RootFolder, input.Folder, input.Language, companyName, document);
            var paths = new List<string> { ExportLayout.Pdf(basePath) };
            if (input.IncludeUbl && Ubl.UblWriter.Supports(document.Type))
            {
                paths.Add(ExportLayout.Ubl(basePath));
            }
            var problem = paths.Select(DropboxNames.Problem).FirstOrDefault(p => p is not null);
            var key = DropboxNames.Key(paths[0]);
            if (problem is null && holders.TryGetValue(key, out var other))
            {
                problem = $"Same path as {other}: add {{number}} or another distinguishing field.";
            }
            holders.TryAdd(key, document.Number);
            if (rows.Count < take || (problem is not null && rows.Count(r => r.Problem is not null) < 20))
            {
                rows.Add(new ExportPreviewRow(document.Id, document.Number, document.Type, paths, problem));
            }
        }
        return rows;
    }

    /// <summary>The connection's export state: queue depth, dead letters, last success, what holds it back.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ExportStatus> StatusAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        await RequireConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var tasks = db.SyncTasks.AsNoTracking().Where(t => t.ConnectionId == connectionId);
        var queued = await tasks.CountAsync(t => t.DeadAt == null, cancellationToken).ConfigureAwait(false);
        var dead = await tasks.CountAsync(t => t.DeadAt != null, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? next = queued == 0 ? null : await tasks.Where(t => t.DeadAt == null).MinAsync(t => (DateTimeOffset?)t.NextAttemptAt, cancellationToken).ConfigureAwait(false);
        var activity = await db.ConnectionActivities.AsNoTracking().SingleOrDefaultAsync(a => a.ConnectionId == connectionId, cancellationToken).ConfigureAwait(false);
        return new ExportStatus(queued, dead, activity?.LastSuccessAt, activity?.LastRunAt, activity?.Problem, activity?.ProblemAt, next);
    }

    /// <summary>The tasks that gave up, newest first.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<SyncTaskView>> DeadLettersAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        await RequireConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var rows = await (
            from t in db.SyncTasks.AsNoTracking()
            join p in db.ExportProfiles.AsNoTracking() on t.ProfileId equals p.Id
            join d in db.Documents.AsNoTracking() on t.DocumentId equals d.Id into documents
            from d in documents.DefaultIfEmpty()
            where t.ConnectionId == connectionId && t.DeadAt != null
            orderby t.Id descending
            select new { t.Id, p.Name, t.DocumentId, Number = d == null ? null : d.Number, t.Attempts, t.LastErrorCode, t.LastError, t.DeadAt })
            .Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new SyncTaskView(r.Id, r.Name, r.DocumentId, r.Number, r.Attempts, r.LastErrorCode, r.LastError, r.DeadAt!.Value)).ToList();
    }

    /// <summary>"Retry now": dead (or waiting) tasks of the connection go back to the front of the queue.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="taskIds">The tasks; null for every dead one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many tasks were retried.</returns>
    public async Task<int> RetryAsync(Guid connectionId, IReadOnlyCollection<long>? taskIds = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        await RequireConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var tasks = db.SyncTasks.Where(t => t.ConnectionId == connectionId);
        tasks = taskIds is null ? tasks.Where(t => t.DeadAt != null) : tasks.Where(t => taskIds.Contains(t.Id));
        var count = await tasks.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.DeadAt, (DateTimeOffset?)null)
            .SetProperty(t => t.Attempts, 0)
            .SetProperty(t => t.NextAttemptAt, now)
            .SetProperty(t => t.Generation, t => t.Generation + 1)
            .SetProperty(t => t.Priority, t => t.Priority < SyncPriority.Retry ? SyncPriority.Retry : t.Priority), cancellationToken).ConfigureAwait(false);
        await db.ConnectionActivities.Where(a => a.ConnectionId == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProblemCode, (string?)null).SetProperty(a => a.Problem, (string?)null).SetProperty(a => a.ProblemAt, (DateTimeOffset?)null), cancellationToken)
            .ConfigureAwait(false);
        if (taskIds is null)
        {
            // Files held back by a full Dropbox wait for their own delay; "retry now" means now.
            count += await db.SyncTasks.Where(t => t.ConnectionId == connectionId && t.DeadAt == null && t.NextAttemptAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAttemptAt, now), cancellationToken).ConfigureAwait(false);
        }
        worker.Wake(connectionId, company.CompanyId);
        return count;
    }

    /// <summary>
    /// "Put back": the files of a profile found deleted in Dropbox and held (too many went at once)
    /// are written again at their paths.
    /// </summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many files will be put back.</returns>
    public async Task<int> PutBackMissingAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var profile = await db.ExportProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("export profile", profileId);
        var held = await db.ExportedFiles.Where(f => f.ProfileId == profileId && f.MissingSince != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (held.Count == 0)
        {
            return 0;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.ExportedFiles.RemoveRange(held);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await queue.EnqueueAsync(profile, [.. held.Select(f => f.DocumentId)], SyncPriority.Retry, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        worker.Wake(profile.ConnectionId, profile.CompanyId);
        return held.Count;
    }

    /// <summary>Checks now that the connection's exported files are still in Dropbox (what was deleted there is put back, or held when many went at once).</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task CheckNowAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        await RequireConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        worker.WakeToCheck(connectionId, company.CompanyId);
    }

    /// <summary>The sync log of a connection, newest first.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="failedOnly">Only failures and warnings.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Lines per page (1–500).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<PagedResult<SyncLogView>> LogAsync(Guid connectionId, bool failedOnly = false, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        await RequireConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var lines = Lines(connectionId, failedOnly);
        var total = await lines.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await lines.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<SyncLogView>(items, page, pageSize, total);
    }

    /// <summary>Writes the whole sync log of a connection as CSV (RFC 4180, UTF-8, newest first).</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task WriteLogCsvAsync(Guid connectionId, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        company.Demand(Right.ManageDropboxConnections);
        await RequireConnectionAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync("time,profile,document,action,outcome,path,rev,detail\r\n").ConfigureAwait(false);
            await foreach (var line in Lines(connectionId, false).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var e = line.Entry;
                await writer.WriteAsync(string.Join(',',
                    Csv(e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)), Csv(line.ProfileName), Csv(line.DocumentNumber),
                    Csv(e.Action.ToString()), Csv(e.Outcome.ToString()), Csv(e.Path), Csv(e.Rev), Csv(e.Detail)) + "\r\n").ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes the log lines older than each profile's retention (every company: a system task).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many lines were deleted.</returns>
    public async Task<int> PurgeLogAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var profiles = await db.ExportProfiles.IgnoreQueryFilters().AsNoTracking().Select(p => new { p.Id, p.LogRetentionDays }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var profile in profiles)
        {
            var before = now.AddDays(-profile.LogRetentionDays);
            deleted += await db.SyncLog.IgnoreQueryFilters().Where(e => e.ProfileId == profile.Id && e.At < before).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        return deleted;
    }

    private IQueryable<SyncLogView> Lines(Guid connectionId, bool failedOnly) =>
        from e in db.SyncLog.AsNoTracking()
        join p in db.ExportProfiles.AsNoTracking() on e.ProfileId equals p.Id
        join d in db.Documents.AsNoTracking() on e.DocumentId equals d.Id into documents
        from d in documents.DefaultIfEmpty()
        where e.ConnectionId == connectionId && (!failedOnly || e.Outcome != SyncOutcome.Ok)
        orderby e.Id descending
        select new SyncLogView(e, p.Name, d == null ? null : d.Number);

    private static string Csv(string? value) => CsvCell.Of(value);

    private async Task<ExportProfileView> ViewAsync(ExportProfile profile, CancellationToken cancellationToken)
    {
        var exported = await db.ExportedFiles.Where(f => f.ProfileId == profile.Id && f.DropboxId != "" && f.MissingSince == null)
            .Select(f => f.DocumentId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        var missing = await db.ExportedFiles.CountAsync(f => f.ProfileId == profile.Id && f.MissingSince != null, cancellationToken).ConfigureAwait(false);
        BackfillProgress? backfill = null;
        if (profile.BackfillStartedAt is not null)
        {
            var pending = await db.SyncTasks.CountAsync(t => t.ProfileId == profile.Id && t.DeadAt == null, cancellationToken).ConfigureAwait(false);
            var since = time.GetUtcNow().AddMinutes(-1);
            var lastMinute = await db.SyncLog.Where(e => e.ProfileId == profile.Id && e.At >= since && e.Outcome != SyncOutcome.Failed && e.DocumentId != null)
                .Select(e => e.DocumentId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
            var done = Math.Max(0, profile.BackfillTotal - pending);
            TimeSpan? eta = lastMinute > 0 && pending > 0 ? TimeSpan.FromMinutes((double)pending / lastMinute) : null;
            backfill = new BackfillProgress(profile.BackfillTotal, profile.BackfillCompletedAt is null ? done : profile.BackfillTotal, lastMinute, eta, profile.BackfillCompletedAt);
        }
        return new ExportProfileView(profile, backfill, exported, missing);
    }

    /// <summary>Throws <see cref="NotFoundException"/> unless the connection is the current company's.</summary>
    private async Task RequireConnectionAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        if (!await db.DropboxConnections.AnyAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("connection", connectionId);
        }
    }

    private async Task RequireUniqueNameAsync(Guid connectionId, string name, Guid? except, CancellationToken cancellationToken)
    {
        var names = await db.ExportProfiles.Where(p => p.ConnectionId == connectionId && p.Id != except).Select(p => p.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConflictException("name", "name-taken", $"This connection already has a profile named '{name}'.");
        }
    }

    private static void Validate(ExportProfileInput input)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            errors.Add(new("name", "name", "Give the profile a name of 1 to 100 characters."));
        }
        if (input.DocumentTypes is null || input.DocumentTypes.Count == 0 || input.DocumentTypes.Any(t => !Enum.IsDefined(t)))
        {
            errors.Add(new("documentTypes", "required", "Choose at least one document type."));
        }
        if (!ExportPathTemplate.TryParse(input.PathTemplate ?? "", out _, out var templateError))
        {
            errors.Add(new("pathTemplate", "template", templateError ?? "The layout is not valid."));
        }
        if (ConnectionsFolderError(input.Folder) is { } folderError)
        {
            errors.Add(new("folder", "folder", folderError));
        }
        if (!ExportFolderNames.IsLanguage(input.Language))
        {
            errors.Add(new("language", "language", "Choose English (en), Dutch (nl) or French (fr)."));
        }
        if (input.LogRetentionDays is < 1 or > 3650)
        {
            errors.Add(new("logRetentionDays", "range", "Keep the log between 1 and 3650 days."));
        }
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private static string? ConnectionsFolderError(string? folder) =>
        string.IsNullOrWhiteSpace(folder) ? null : Connections.ConnectionRules.RootFolderError(folder);

    private static void Apply(ExportProfile profile, ExportProfileInput input, DateTimeOffset now)
    {
        profile.DocumentTypes = ExportProfile.TypeBits(input.DocumentTypes);
        profile.Folder = string.IsNullOrWhiteSpace(input.Folder) ? "" : Connections.ConnectionRules.NormalizeRoot(input.Folder);
        profile.IncludeUbl = input.IncludeUbl;
        profile.IncludeAttachments = input.IncludeAttachments;
        profile.DeleteInDropbox = input.DeleteInDropbox;
        profile.Enabled = input.Enabled;
        profile.LogRetentionDays = input.LogRetentionDays;
        profile.UpdatedAt = now;
    }
}
