using DocSync.Core.Companies;
using DocSync.Core.Overview;

namespace DocSync.Web.Features.Overview;

/// <summary>Where a person fixes each kind of overview problem, and the right that takes (the page and the API say the same).</summary>
public static class OverviewLinks
{
    /// <summary>The page that fixes <paramref name="problem"/> in <paramref name="companyId"/>, and the right it needs.</summary>
    /// <param name="companyId">The company.</param>
    /// <param name="problem">The problem.</param>
    public static (string Path, Right Right) Fix(Guid companyId, OverviewProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var company = $"/c/{companyId}";
        return problem.Kind switch
        {
            OverviewProblemKind.ConnectionNeedsRelink => ($"{company}/connections", Right.ManageDropboxConnections),
            OverviewProblemKind.ChannelPaused => ($"{company}/collection/{problem.SubjectId}", Right.ConfigureCollection),
            OverviewProblemKind.InboxToProcess => ($"{company}/inbox", Right.ProcessInbox),
            _ => ($"{company}/connections/{problem.SubjectId}", Right.ManageDropboxConnections),
        };
    }
}
