namespace DocSync.Core.Collect;

/// <summary>A channel's settings as a person enters them.</summary>
public sealed record CollectionChannelInput
{
    /// <summary>Name, 1 to 100 characters, unique in the company.</summary>
    public string Name { get; init; } = "";

    /// <summary>The connection to read through.</summary>
    public Guid ConnectionId { get; init; }

    /// <summary>The watched folder (e.g. <c>/Clients/Drop</c>), not the root.</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>The folder's Dropbox id, when the folder picker knows it.</summary>
    public string? SourceFolderId { get; init; }

    /// <summary>Who collected files are for: a member of the company.</summary>
    public Guid DestinationPersonId { get; init; }

    /// <summary>The binder they go to.</summary>
    public Guid? BinderId { get; init; }

    /// <summary>A five-field cron expression; default daily at 06:00.</summary>
    public string Schedule { get; init; } = CollectSchedule.Daily(6);

    /// <summary>The IANA time zone of the schedule; <see langword="null"/> for the default.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Collect within seconds of a drop, besides the schedule.</summary>
    public bool NearRealTime { get; init; } = true;

    /// <summary>What happens to a source file once collected.</summary>
    public AfterCollect AfterCollect { get; init; } = AfterCollect.Leave;

    /// <summary>Whether a changed file is collected again as a new document.</summary>
    public bool CollectChangedContent { get; init; }

    /// <summary>Whether the channel runs.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The input that edits <paramref name="channel"/> as it is.</summary>
    /// <param name="channel">The channel.</param>
    public static CollectionChannelInput Of(CollectionChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new()
        {
            Name = channel.Name,
            ConnectionId = channel.ConnectionId,
            SourcePath = channel.SourcePath,
            SourceFolderId = channel.SourceFolderId,
            DestinationPersonId = channel.DestinationPersonId,
            BinderId = channel.BinderId,
            Schedule = channel.Schedule,
            TimeZone = channel.TimeZone,
            NearRealTime = channel.NearRealTime,
            AfterCollect = channel.AfterCollect,
            CollectChangedContent = channel.CollectChangedContent,
            Enabled = channel.Enabled,
        };
    }
}

/// <summary>A channel as the UI and API show it.</summary>
/// <remarks><see cref="ConnectionState"/>: a channel whose connection is not active collects nothing, whatever its own state says.</remarks>
public sealed record CollectionChannelInfo(
    Guid Id,
    string Name,
    Guid ConnectionId,
    string ConnectionName,
    string SourcePath,
    string? SourceFolderId,
    Guid DestinationPersonId,
    string DestinationName,
    Guid? BinderId,
    string? BinderName,
    string Schedule,
    string TimeZone,
    bool NearRealTime,
    AfterCollect AfterCollect,
    bool CollectChangedContent,
    bool Enabled,
    string? Problem,
    string? ProblemCode,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? LastRunAt,
    CollectionRunInfo? LastRun,
    int Collected,
    Connections.ConnectionState ConnectionState = Connections.ConnectionState.Active)
{
    /// <summary>Whether the channel collects now: enabled, not paused by a problem, and its connection active.</summary>
    public bool Collecting => Enabled && Problem is null && ConnectionState == Connections.ConnectionState.Active;
}

/// <summary>A run as the history shows it.</summary>
public sealed record CollectionRunInfo(
    Guid Id,
    Guid ChannelId,
    string ChannelName,
    CollectTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    CollectRunOutcome Outcome,
    string? Problem,
    string? ProblemCode,
    int Seen,
    int Collected,
    int Skipped,
    int Failed,
    int Waiting,
    int Known,
    string? StartedByName)
{
    internal static CollectionRunInfo From(CollectionRun run, string channelName, string? startedBy) => new(run.Id, run.ChannelId, channelName, run.Trigger,
        run.StartedAt, run.EndedAt, run.Outcome, run.Problem, run.ProblemCode, run.Seen, run.Collected, run.Skipped, run.Failed, run.Waiting, run.Known, startedBy);
}

/// <summary>One file of a run.</summary>
public sealed record CollectionRunFileInfo(
    long Id,
    string Path,
    string DropboxFileId,
    long Size,
    CollectFileResult Result,
    string? Reason,
    string? Detail,
    Guid? InboxItemId,
    int Items,
    int DownloadMs,
    int ReadMs,
    int StoreMs,
    DateTimeOffset At)
{
    internal static CollectionRunFileInfo From(CollectionRunFile f) =>
        new(f.Id, f.Path, f.DropboxFileId, f.Size, f.Result, f.Reason, f.Detail, f.InboxItemId, f.Items, f.DownloadMs, f.ReadMs, f.StoreMs, f.At);
}

/// <summary>Filters for the history.</summary>
public sealed record CollectionRunQuery
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Only this channel's runs.</summary>
    public Guid? ChannelId { get; init; }

    /// <summary>Only runs started so.</summary>
    public CollectTrigger? Trigger { get; init; }

    /// <summary>Only runs that ended so.</summary>
    public CollectRunOutcome? Outcome { get; init; }

    /// <summary>Only runs with at least one failed file.</summary>
    public bool WithFailures { get; init; }

    /// <summary>Only runs started on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only runs started on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Runs per page.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>A folder in the picker.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Path">Its path as Dropbox displays it.</param>
/// <param name="Id">Its Dropbox id.</param>
public sealed record DropboxFolderEntry(string Name, string Path, string Id);
