using DocSync.Core.Connections;

namespace DocSync.Core.Overview;

/// <summary>What on the overview needs a person: a pure reading of the figures, most urgent first.</summary>
public static class OverviewProblems
{
    /// <summary>The problems the figures show.</summary>
    /// <param name="connections">The connections.</param>
    /// <param name="channels">The channels.</param>
    /// <param name="inboxToProcess">Inbox items waiting.</param>
    public static IReadOnlyList<OverviewProblem> Of(IEnumerable<ConnectionFigures> connections, IEnumerable<ChannelFigures> channels, int inboxToProcess)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(channels);
        var problems = new List<OverviewProblem>();
        foreach (var c in connections)
        {
            if (c.State == ConnectionState.NeedsRelink)
            {
                problems.Add(new(OverviewProblemKind.ConnectionNeedsRelink, c.Id, c.Name, 1, c.Problem));
            }
            else if (c.ProblemCode is not null)
            {
                problems.Add(new(OverviewProblemKind.ConnectionBlocked, c.Id, c.Name, 1, c.Problem));
            }

            if (c.DeadLetters > 0)
            {
                problems.Add(new(OverviewProblemKind.DeadLetters, c.Id, c.Name, c.DeadLetters, null));
            }

            if (c.Space is { NearlyFull: true })
            {
                problems.Add(new(OverviewProblemKind.SpaceNearlyFull, c.Id, c.Name, 1, null));
            }
        }

        foreach (var ch in channels.Where(ch => ch.PausedReason is not null))
        {
            problems.Add(new(OverviewProblemKind.ChannelPaused, ch.Id, ch.Name, 1, ch.PausedReason));
        }

        if (inboxToProcess > 0)
        {
            problems.Add(new(OverviewProblemKind.InboxToProcess, Guid.Empty, "", inboxToProcess, null));
        }

        return [.. problems.OrderBy(p => p.Kind).ThenBy(p => p.SubjectName, StringComparer.CurrentCultureIgnoreCase)];
    }
}
