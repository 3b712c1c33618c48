using DocSync.Core.Connections;
using DocSync.Core.Overview;
using DocSync.Web.Features.Overview;

namespace DocSync.Web.Features.Api;

/// <summary>The company's overview as the API shows it (the same figures as the home page).</summary>
/// <param name="At">When the figures were read.</param>
/// <param name="Documents">Documents (not deleted).</param>
/// <param name="BytesStored">Bytes of the files DocSync keeps for the company (document files of every version, inbox items, folder files).</param>
/// <param name="InboxToProcess">Inbox items waiting for a person.</param>
/// <param name="Connections">Each Dropbox connection that is not disconnected.</param>
/// <param name="Channels">Each collection channel.</param>
/// <param name="Days">Files exported and collected per UTC day over the last 30 days, oldest first.</param>
/// <param name="Start">The guided start's steps.</param>
/// <param name="Problems">What needs a person, most urgent first.</param>
public sealed record OverviewBody(DateTimeOffset At, int Documents, long BytesStored, int InboxToProcess, IReadOnlyList<OverviewConnectionBody> Connections,
    IReadOnlyList<ChannelFigures> Channels, IReadOnlyList<DayFigures> Days, GuidedStart Start, IReadOnlyList<OverviewProblemBody> Problems)
{
    /// <summary>Maps the figures of <paramref name="companyId"/>.</summary>
    /// <param name="companyId">The company.</param>
    /// <param name="o">The figures.</param>
    public static OverviewBody From(Guid companyId, CompanyOverview o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.At, o.Documents, o.BytesStored, o.InboxToProcess,
            [.. o.Connections.Select(c => new OverviewConnectionBody(c.Id, c.Name, c.State, c.Problem, c.ProblemCode, c.Queued, c.DeadLetters, c.LastDeliveryAt,
                c.ExportedBytes, c.Space is null ? null : new OverviewSpaceBody(c.Space.Used, c.Space.Allocated, c.Space.ReadAt)))],
            o.Channels, o.Days, o.Start,
            [.. o.Problems.Select(p => new OverviewProblemBody(p.Kind, p.SubjectId == Guid.Empty ? null : p.SubjectId, p.SubjectName.Length == 0 ? null : p.SubjectName,
                p.Count, p.Detail, OverviewLinks.Fix(companyId, p).Path))]);
    }
}

/// <summary>One Dropbox connection on the overview.</summary>
/// <param name="Id">The connection.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">active, paused or needsRelink.</param>
/// <param name="Problem">What holds its export back now, or why it needs re-linking.</param>
/// <param name="ProblemCode">A stable code for the problem (e.g. <c>insufficient_space</c>, <c>needs-relink</c>).</param>
/// <param name="Queued">Export tasks waiting.</param>
/// <param name="DeadLetters">Export tasks that gave up and wait for a person.</param>
/// <param name="LastDeliveryAt">When a file last reached Dropbox.</param>
/// <param name="ExportedBytes">Bytes DocSync keeps in Dropbox through it.</param>
/// <param name="Space">Its Dropbox space; left out when unknown (Dropbox did not answer within 2 s or failed; asked again within minutes).</param>
public sealed record OverviewConnectionBody(Guid Id, string Name, ConnectionState State, string? Problem, string? ProblemCode, int Queued, int DeadLetters,
    DateTimeOffset? LastDeliveryAt, long ExportedBytes, OverviewSpaceBody? Space);

/// <summary>A Dropbox account's space (<c>users/get_space_usage</c>, kept up to 10 minutes).</summary>
/// <param name="Used">Bytes used.</param>
/// <param name="Allocated">Bytes allocated (a team's for a team account).</param>
/// <param name="ReadAt">When Dropbox said so.</param>
public sealed record OverviewSpaceBody(long Used, long Allocated, DateTimeOffset ReadAt);

/// <summary>Something that needs a person.</summary>
/// <param name="Kind">connectionNeedsRelink, connectionBlocked, deadLetters, spaceNearlyFull, channelPaused or inboxToProcess.</param>
/// <param name="SubjectId">The connection or channel concerned.</param>
/// <param name="SubjectName">Its name.</param>
/// <param name="Count">How many (dead letters, inbox items); 1 otherwise.</param>
/// <param name="Detail">What Dropbox or DocSync said, if anything.</param>
/// <param name="FixPath">The page of the web UI that fixes it.</param>
public sealed record OverviewProblemBody(OverviewProblemKind Kind, Guid? SubjectId, string? SubjectName, int Count, string? Detail, string FixPath);
