using DocSync.Core.Connections;
using DocSync.Core.Overview;

namespace DocSync.Core.Tests.Overview;

public sealed class OverviewProblemsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, ConnectionFigures, OverviewProblemKind[]> Connections => new()
    {
        { "healthy", Connection(), [] },
        { "needs relink (its blocked code is not a second problem)", Connection() with { State = ConnectionState.NeedsRelink, ProblemCode = "needs-relink" }, [OverviewProblemKind.ConnectionNeedsRelink] },
        { "full Dropbox holds the queue", Connection() with { ProblemCode = "insufficient_space" }, [OverviewProblemKind.ConnectionBlocked] },
        { "dead letters", Connection() with { DeadLetters = 3 }, [OverviewProblemKind.DeadLetters] },
        { "89 % full", Connection() with { Space = new(89, 100, At) }, [] },
        { "90 % full", Connection() with { Space = new(90, 100, At) }, [OverviewProblemKind.SpaceNearlyFull] },
        { "space unknown", Connection() with { Space = null }, [] },
        { "nothing allocated", Connection() with { Space = new(5, 0, At) }, [] },
        { "several at once, most urgent first", Connection() with { DeadLetters = 1, ProblemCode = "insufficient_space", Space = new(100, 100, At) },
            [OverviewProblemKind.ConnectionBlocked, OverviewProblemKind.DeadLetters, OverviewProblemKind.SpaceNearlyFull] },
    };

    [Theory, MemberData(nameof(Connections))]
    public void A_connection_is_a_problem_when(string what, ConnectionFigures connection, OverviewProblemKind[] expected)
    {
        OverviewProblems.Of([connection], [], 0).Select(p => p.Kind).ShouldBe(expected, what);
    }

    [Fact]
    public void A_channel_paused_by_DocSync_is_a_problem_one_switched_off_by_a_person_is_not()
    {
        var paused = new ChannelFigures(Guid.NewGuid(), "Drop", true, "The folder is gone.", "source-gone", null, At);
        var off = new ChannelFigures(Guid.NewGuid(), "Old", false, null, null, null, At);
        var problem = OverviewProblems.Of([], [paused, off], 0).ShouldHaveSingleItem();
        problem.ShouldBe(new OverviewProblem(OverviewProblemKind.ChannelPaused, paused.Id, "Drop", 1, "The folder is gone."));
    }

    [Fact]
    public void Inbox_items_waiting_are_one_problem_with_their_count()
    {
        OverviewProblems.Of([], [], 0).ShouldBeEmpty();
        OverviewProblems.Of([], [], 4).ShouldHaveSingleItem().ShouldBe(new OverviewProblem(OverviewProblemKind.InboxToProcess, Guid.Empty, "", 4, null));
    }

    private static ConnectionFigures Connection() =>
        new(Guid.NewGuid(), "Accounting", ConnectionState.Active, null, null, 0, 0, At, 0, new DropboxSpaceFigure(10, 100, At));
}
