using DocSync.Core.Companies;
using DocSync.Core.Overview;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Overview;

/// <summary>The company's home page: how things stand, what needs a person and where to fix it; a new company's guided start.</summary>
public sealed class IndexModel(OverviewQuery overview) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The figures.</summary>
    public CompanyOverview Figures { get; private set; } = null!;

    /// <summary>Loads the figures.</summary>
    public async Task OnGetAsync() => Figures = await overview.GetAsync(HttpContext.RequestAborted);

    /// <summary>Where a person fixes <paramref name="problem"/>, and the right that takes.</summary>
    /// <param name="problem">The problem.</param>
    public (string Url, Right Right) FixOf(OverviewProblem problem) => OverviewLinks.Fix(CompanyId, problem);
}
