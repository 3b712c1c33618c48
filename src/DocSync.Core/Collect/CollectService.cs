using System.Globalization;
using System.Text;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Errors;
using DocSync.Core.Export;
using DocSync.Core.Sync;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Collect;

/// <summary>
/// The current company's collection channels and their history. Everything here needs
/// <see cref="Right.ConfigureCollection"/> (INGENEO's "paramétrage de la collecte").
/// </summary>
public sealed partial class CollectService(
    DocSyncDbContext db,
    ICompanyContext company,
    IServiceScopeFactory scopes,
    ConnectionClients clients,
    CollectWorker worker,
    IOptions<CollectOptions> options,
    TimeProvider time)
{
    /// <summary>Every channel of the company.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<CollectionChannelInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        var channels = await db.CollectionChannels.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await InfoAsync(channels, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One channel.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CollectionChannelInfo> GetAsync(Guid channelId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        var channel = await db.CollectionChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("collection channel", channelId);
        return (await InfoAsync([channel], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Creates a channel; its first scheduled run is computed, and in near-real-time mode it starts watching at once.</summary>
    /// <param name="input">The settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CollectionChannelInfo> CreateAsync(CollectionChannelInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        company.Demand(Right.ConfigureCollection);
        await ValidateAsync(input, null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var channel = new CollectionChannel
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = company.CompanyId,
            Name = input.Name.Trim(),
            SourcePath = NormalisePath(input.SourcePath),
            Schedule = input.Schedule.Trim(),
            TimeZone = input.TimeZone ?? options.Value.DefaultTimeZone,
            CreatedAt = now,
        };
        Apply(channel, input, now);
        db.CollectionChannels.Add(channel);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        worker.Refresh();
        return await GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a channel. A new source folder starts a fresh ledger position (its cursor) and clears a pause.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="input">The settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CollectionChannelInfo> UpdateAsync(Guid channelId, CollectionChannelInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        company.Demand(Right.ConfigureCollection);
        var channel = await db.CollectionChannels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("collection channel", channelId);
        await ValidateAsync(input, channelId, cancellationToken).ConfigureAwait(false);
        var path = NormalisePath(input.SourcePath);
        if (!string.Equals(path, channel.SourcePath, StringComparison.Ordinal) || input.ConnectionId != channel.ConnectionId
            || (input.SourceFolderId is not null && input.SourceFolderId != channel.SourceFolderId))
        {
            channel.SourcePath = path;
            channel.SourceFolderId = null;
            channel.Cursor = null;
        }
        channel.Name = input.Name.Trim();
        channel.Schedule = input.Schedule.Trim();
        channel.TimeZone = input.TimeZone ?? channel.TimeZone;
        // Saving the settings is the person's answer to a pause: the next run checks again.
        channel.Problem = null;
        channel.ProblemCode = null;
        Apply(channel, input, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        worker.Refresh();
        return await GetAsync(channel.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a channel with its ledger and history; the inbox items it made stay.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DeleteAsync(Guid channelId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        var channel = await db.CollectionChannels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("collection channel", channelId);
        db.CollectionChannels.Remove(channel);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        worker.Refresh();
    }

    /// <summary>
    /// "Run now": runs the channel at once (waiting up to a minute for a run under way) and returns the
    /// run. Works on a disabled or paused channel too (it checks the source folder again).
    /// </summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CollectionRunInfo> RunNowAsync(Guid channelId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        var channel = await db.CollectionChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("collection channel", channelId);
        var person = company.Actor.Kind == ActorKind.Person ? company.Actor.Id : (Guid?)null;
        var run = await worker.RunAsync(channel.CompanyId, channel.Id, CollectTrigger.Manual, person, cancellationToken).ConfigureAwait(false)
                  ?? throw new ConflictException("channelId", "busy", "A run of this channel has been under way for over a minute; its result will be in the history.");
        return await GetRunAsync(run.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The folders inside <paramref name="path"/> of a connection, for the folder picker.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="path">A folder (<c>""</c> for the top).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<DropboxFolderEntry>> BrowseAsync(Guid connectionId, string path, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        var connection = await db.DropboxConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("connection", connectionId);
        if (connection.State != ConnectionState.Active)
        {
            throw new ConflictException("connectionId", "not-active", "This connection is not active (paused, disconnected or needing a new link).");
        }
        path = path is null or "" or "/" ? "" : NormalisePath(path);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(connection.CompanyId));
        var client = await clients.GetAsync(scope.ServiceProvider.GetRequiredService<ConnectionService>(), connection, cancellationToken).ConfigureAwait(false);
        var folders = new List<DropboxFolderEntry>();
        try
        {
            await foreach (var entry in client.ListFolderAllAsync(path, null, cancellationToken).ConfigureAwait(false))
            {
                if (entry is FolderMetadata folder)
                {
                    folders.Add(new DropboxFolderEntry(folder.Name, folder.PathDisplay ?? "/" + folder.Name, folder.Id));
                }
            }
        }
        catch (DropboxApiException e) when (e.StatusCode == 409)
        {
            throw new ValidationFailedException("path", "not-found", $"There is no folder {path} in this Dropbox.");
        }
        return [.. folders.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static void Apply(CollectionChannel channel, CollectionChannelInput input, DateTimeOffset now)
    {
        var reschedule = channel.NextRunAt is null || channel.Schedule != input.Schedule.Trim() || channel.UpdatedAt == default;
        channel.ConnectionId = input.ConnectionId;
        channel.SourceFolderId = input.SourceFolderId ?? channel.SourceFolderId;
        channel.DestinationPersonId = input.DestinationPersonId;
        channel.BinderId = input.BinderId;
        channel.NearRealTime = input.NearRealTime;
        channel.AfterCollect = input.AfterCollect;
        channel.CollectChangedContent = input.CollectChangedContent;
        channel.Enabled = input.Enabled;
        channel.UpdatedAt = now;
        if (reschedule || channel.NextRunAt is null)
        {
            channel.NextRunAt = CollectSchedule.Next(channel.Schedule, channel.TimeZone, now);
        }
    }

    private async Task ValidateAsync(CollectionChannelInput input, Guid? channelId, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            errors.Add(new("name", "name", "A name has 1 to 100 printable characters."));
        }
        else if (await db.CollectionChannels.AnyAsync(c => c.Name == name && c.Id != channelId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("name", "taken", "Another channel has this name."));
        }
        if (!await db.DropboxConnections.AnyAsync(c => c.Id == input.ConnectionId && c.State != ConnectionState.Disconnected, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("connectionId", "not-found", "Choose a linked connection of this company."));
        }
        var path = input.SourcePath?.Trim() ?? "";
        if (path is "" or "/" || path.Length > 1000 || path.Any(char.IsControl) || path.Contains("//", StringComparison.Ordinal)
            || path.Split('/').Any(s => s is "." or ".."))
        {
            errors.Add(new("sourcePath", "path", "Choose a folder (not the top of the Dropbox)."));
        }
        if (!await db.Memberships.AnyAsync(m => m.PersonId == input.DestinationPersonId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("destinationPersonId", "not-a-member", "The destination person must be a member of this company."));
        }
        if (input.BinderId is not { } binderId || !await db.Binders.AnyAsync(b => b.Id == binderId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("binderId", "not-found", "Choose a binder of this company."));
        }
        if (CollectSchedule.Error(input.Schedule) is { } scheduleError)
        {
            errors.Add(new("schedule", "schedule", scheduleError));
        }
        if (input.TimeZone is not null && CollectSchedule.TimeZoneError(input.TimeZone) is { } zoneError)
        {
            errors.Add(new("timeZone", "time-zone", zoneError));
        }
        if (!Enum.IsDefined(input.AfterCollect))
        {
            errors.Add(new("afterCollect", "after-collect", "After collection the file stays, moves to Processed or is deleted."));
        }
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    /// <summary>"/A/B" from "A/B/", "/A/B", "A\B"…</summary>
    private static string NormalisePath(string path) => "/" + path.Trim().Replace('\\', '/').Trim('/');

    private async Task<IReadOnlyList<CollectionChannelInfo>> InfoAsync(List<CollectionChannel> channels, CancellationToken cancellationToken)
    {
        var ids = channels.Select(c => c.Id).ToList();
        var connections = await db.DropboxConnections.AsNoTracking().ToDictionaryAsync(c => c.Id, c => new { c.Name, c.State }, cancellationToken).ConfigureAwait(false);
        var binders = await db.Binders.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken).ConfigureAwait(false);
        var people = await PeopleAsync(cancellationToken).ConfigureAwait(false);
        var lastRuns = await db.CollectionRuns.AsNoTracking().Where(r => ids.Contains(r.ChannelId))
            .GroupBy(r => r.ChannelId).Select(g => g.OrderByDescending(r => r.StartedAt).First())
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var collected = await db.CollectedFiles.AsNoTracking().Where(f => ids.Contains(f.ChannelId) && f.Status == CollectedFileStatus.Collected)
            .GroupBy(f => f.ChannelId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        return channels.Select(c =>
        {
            var last = lastRuns.FirstOrDefault(r => r.ChannelId == c.Id);
            return new CollectionChannelInfo(c.Id, c.Name, c.ConnectionId, connections.GetValueOrDefault(c.ConnectionId)?.Name ?? "?", c.SourcePath, c.SourceFolderId,
                c.DestinationPersonId, people.GetValueOrDefault(c.DestinationPersonId, "?"), c.BinderId,
                c.BinderId is { } b ? binders.GetValueOrDefault(b) : null, c.Schedule, c.TimeZone, c.NearRealTime, c.AfterCollect, c.CollectChangedContent,
                c.Enabled, c.Problem, c.ProblemCode, c.NextRunAt, c.LastRunAt,
                last is null ? null : CollectionRunInfo.From(last, c.Name, last.StartedBy is { } p ? people.GetValueOrDefault(p) : null),
                collected.GetValueOrDefault(c.Id),
                connections.GetValueOrDefault(c.ConnectionId)?.State ?? Connections.ConnectionState.Disconnected);
        }).ToList();
    }

    private async Task<Dictionary<Guid, string>> PeopleAsync(CancellationToken cancellationToken)
    {
        var members = await db.Memberships.AsNoTracking().Select(m => m.PersonId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await db.Users.AsNoTracking().Where(p => members.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName ?? p.Email ?? p.Id.ToString(), cancellationToken).ConfigureAwait(false);
    }
}
