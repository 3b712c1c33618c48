using DocSync.Core.Connections;

namespace DocSync.Core.Overview;

/// <summary>Everything the overview (home page and <c>GET /api/v1/overview</c>) shows about one company, read at <see cref="At"/>.</summary>
/// <param name="At">When the figures were read.</param>
/// <param name="Documents">Documents (not deleted).</param>
/// <param name="BytesStored">Bytes of the files DocSync keeps for the company: document files, inbox items, folder files.</param>
/// <param name="InboxToProcess">Inbox items waiting for a person.</param>
/// <param name="Connections">Each Dropbox connection that is not disconnected.</param>
/// <param name="Channels">Each collection channel.</param>
/// <param name="Days">Files exported and collected per day, oldest first, the last day being today (UTC).</param>
/// <param name="Start">The guided start's steps.</param>
/// <param name="Problems">What needs a person, most urgent first.</param>
public sealed record CompanyOverview(
    DateTimeOffset At,
    int Documents,
    long BytesStored,
    int InboxToProcess,
    IReadOnlyList<ConnectionFigures> Connections,
    IReadOnlyList<ChannelFigures> Channels,
    IReadOnlyList<DayFigures> Days,
    GuidedStart Start,
    IReadOnlyList<OverviewProblem> Problems);

/// <summary>One Dropbox connection on the overview.</summary>
/// <param name="Id">The connection.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Linked, paused, needs re-linking.</param>
/// <param name="Problem">What holds its loop back now (a full Dropbox), or why it needs re-linking.</param>
/// <param name="ProblemCode">A stable code for <paramref name="Problem"/>.</param>
/// <param name="Queued">Export tasks waiting.</param>
/// <param name="DeadLetters">Export tasks that gave up and wait for a person.</param>
/// <param name="LastDeliveryAt">When a file last reached Dropbox.</param>
/// <param name="ExportedBytes">Bytes of the files DocSync keeps in Dropbox through it.</param>
/// <param name="Space">Its Dropbox space; <see langword="null"/> when unknown (Dropbox did not answer in time, or failed).</param>
public sealed record ConnectionFigures(Guid Id, string Name, ConnectionState State, string? Problem, string? ProblemCode,
    int Queued, int DeadLetters, DateTimeOffset? LastDeliveryAt, long ExportedBytes, DropboxSpaceFigure? Space);

/// <summary>A Dropbox account's space.</summary>
/// <param name="Used">Bytes used.</param>
/// <param name="Allocated">Bytes allocated (for a team, the team's).</param>
/// <param name="ReadAt">When Dropbox said so.</param>
public sealed record DropboxSpaceFigure(long Used, long Allocated, DateTimeOffset ReadAt)
{
    /// <summary>The share used, 0–1 (0 when nothing is allocated).</summary>
    public double Fraction => Allocated <= 0 ? 0 : Math.Min(1, (double)Used / Allocated);

    /// <summary>Whether the account is at least 90 % full.</summary>
    public bool NearlyFull => Allocated > 0 && Used * 10 >= Allocated * 9;
}

/// <summary>One collection channel on the overview.</summary>
/// <param name="Id">The channel.</param>
/// <param name="Name">Its name.</param>
/// <param name="Enabled">Whether it runs.</param>
/// <param name="PausedReason">Why DocSync paused it (its folder is gone, its connection needs re-linking); <see langword="null"/> when fine.</param>
/// <param name="PausedCode">A stable code for <paramref name="PausedReason"/>.</param>
/// <param name="NextRunAt">The next scheduled run.</param>
/// <param name="LastRunAt">When the last run ended.</param>
public sealed record ChannelFigures(Guid Id, string Name, bool Enabled, string? PausedReason, string? PausedCode, DateTimeOffset? NextRunAt, DateTimeOffset? LastRunAt);

/// <summary>One day of activity.</summary>
/// <param name="Day">The day (UTC).</param>
/// <param name="Exported">Files written to Dropbox (uploads and new revisions).</param>
/// <param name="Collected">Files collected into the inbox.</param>
public sealed record DayFigures(DateOnly Day, int Exported, int Collected);

/// <summary>The steps a new company takes; each ticks off when done.</summary>
/// <param name="HasDocuments">A document was added or a file imported (inbox).</param>
/// <param name="HasConnection">A Dropbox account was linked.</param>
/// <param name="HasLayout">An export profile (a folder layout) was chosen.</param>
public sealed record GuidedStart(bool HasDocuments, bool HasConnection, bool HasLayout)
{
    /// <summary>Whether every step is done (the guide then steps aside).</summary>
    public bool Done => HasDocuments && HasConnection && HasLayout;
}

/// <summary>Something on the overview that needs a person, with what it concerns.</summary>
/// <param name="Kind">What.</param>
/// <param name="SubjectId">The connection or channel concerned (<see cref="Guid.Empty"/> for the inbox).</param>
/// <param name="SubjectName">Its name.</param>
/// <param name="Count">How many (dead letters, inbox items); 1 otherwise.</param>
/// <param name="Detail">What Dropbox or DocSync said, if anything.</param>
public sealed record OverviewProblem(OverviewProblemKind Kind, Guid SubjectId, string SubjectName, int Count, string? Detail);

/// <summary>The kinds of <see cref="OverviewProblem"/>, most urgent first (Mirror's conflicts and held deletions join when Mirror lands).</summary>
public enum OverviewProblemKind
{
    /// <summary>Dropbox refused a connection's grant: it must be linked again.</summary>
    ConnectionNeedsRelink = 1,

    /// <summary>Something holds a connection's whole queue (a full Dropbox).</summary>
    ConnectionBlocked = 2,

    /// <summary>Export tasks gave up.</summary>
    DeadLetters = 3,

    /// <summary>A Dropbox account is at least 90 % full.</summary>
    SpaceNearlyFull = 4,

    /// <summary>DocSync paused a channel.</summary>
    ChannelPaused = 5,

    /// <summary>Inbox items wait.</summary>
    InboxToProcess = 6,
}
