using System.Globalization;
using System.Text;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Collect;

public sealed partial class CollectService
{
    /// <summary>"Collection › History": runs, newest first, filtered.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<PagedResult<CollectionRunInfo>> ListRunsAsync(CollectionRunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        company.Demand(Right.ConfigureCollection);
        if (Paging.Check(query.Page, query.PageSize, CollectionRunQuery.MaxPageSize).ToList() is { Count: > 0 } pageErrors)
        {
            throw new ValidationFailedException(pageErrors);
        }

        var runs = Filter(query);
        var total = await runs.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<CollectionRunInfo>(await InfoAsync(page, cancellationToken).ConfigureAwait(false), query.Page, query.PageSize, total);
    }

    /// <summary>One run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CollectionRunInfo> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        var run = await db.CollectionRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("collection run", runId);
        return (await InfoAsync([run], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>The files of a run, in the order they were handled.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="result">Only files with this result.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<CollectionRunFileInfo>> ListRunFilesAsync(Guid runId, CollectFileResult? result = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        if (!await db.CollectionRuns.AnyAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("collection run", runId);
        }
        var files = db.CollectionRunFiles.AsNoTracking().Where(f => f.RunId == runId);
        if (result is { } wanted)
        {
            files = files.Where(f => f.Result == wanted);
        }
        return (await files.OrderBy(f => f.Id).Take(5000).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(CollectionRunFileInfo.From).ToList();
    }

    /// <summary>Writes the history matching <paramref name="query"/> as CSV, one line per file handled (runs without files get one line).</summary>
    /// <param name="query">Filters (paging ignored).</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task WriteHistoryCsvAsync(CollectionRunQuery query, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        company.Demand(Right.ConfigureCollection);
        var channels = await db.CollectionChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken).ConfigureAwait(false);
        var lines =
            from r in Filter(query)
            join f in db.CollectionRunFiles.AsNoTracking() on r.Id equals f.RunId into files
            from f in files.DefaultIfEmpty()
            orderby r.StartedAt descending, f.Id
            select new { Run = r, File = f };
        var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync("run_started,run_ended,channel,trigger,run_outcome,path,dropbox_id,size,result,reason,detail,inbox_item\r\n").ConfigureAwait(false);
            await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var r = line.Run;
                var f = line.File;
                await writer.WriteAsync(string.Join(',',
                    Time(r.StartedAt), r.EndedAt is { } ended ? Time(ended) : "", CsvCell.Of(channels.GetValueOrDefault(r.ChannelId)), r.Trigger.ToString(),
                    r.Outcome.ToString(), CsvCell.Of(f?.Path), CsvCell.Of(f?.DropboxFileId), f?.Size.ToString(CultureInfo.InvariantCulture) ?? "",
                    f?.Result.ToString() ?? "", CsvCell.Of(f?.Reason), CsvCell.Of(f?.Detail ?? (f is null ? r.Problem : null)), f?.InboxItemId?.ToString() ?? "") + "\r\n")
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes runs older than <see cref="CollectOptions.HistoryRetention"/> (every company: a system task). The ledger stays.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many runs were deleted.</returns>
    public async Task<int> PurgeHistoryAsync(CancellationToken cancellationToken = default)
    {
        var before = time.GetUtcNow() - options.Value.HistoryRetention;
        var old = db.CollectionRuns.IgnoreQueryFilters().Where(r => r.StartedAt < before).Select(r => r.Id);
        await db.CollectionRunFiles.IgnoreQueryFilters().Where(f => old.Contains(f.RunId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return await db.CollectionRuns.IgnoreQueryFilters().Where(r => r.StartedAt < before).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private IQueryable<CollectionRun> Filter(CollectionRunQuery query)
    {
        var runs = db.CollectionRuns.AsNoTracking();
        if (query.ChannelId is { } channelId)
        {
            runs = runs.Where(r => r.ChannelId == channelId);
        }
        if (query.Trigger is { } trigger)
        {
            runs = runs.Where(r => r.Trigger == trigger);
        }
        if (query.Outcome is { } outcome)
        {
            runs = runs.Where(r => r.Outcome == outcome);
        }
        if (query.WithFailures)
        {
            runs = runs.Where(r => r.Failed > 0);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            runs = runs.Where(r => r.StartedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            runs = runs.Where(r => r.StartedAt < end);
        }
        return runs;
    }

    private async Task<IReadOnlyList<CollectionRunInfo>> InfoAsync(List<CollectionRun> runs, CancellationToken cancellationToken)
    {
        var channels = await db.CollectionChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken).ConfigureAwait(false);
        var people = await PeopleAsync(cancellationToken).ConfigureAwait(false);
        return runs.Select(r => CollectionRunInfo.From(r, channels.GetValueOrDefault(r.ChannelId, "?"), r.StartedBy is { } p ? people.GetValueOrDefault(p) : null)).ToList();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
