using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Collection;

/// <summary>One run: what started it, how it ended, and each file it handled with why and how long.</summary>
[RequireRight(Right.ConfigureCollection)]
public sealed class RunDetailModel(CollectService collect) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The run of the URL.</summary>
    [FromRoute]
    public Guid RunId { get; set; }

    /// <summary>Only files with this result.</summary>
    [FromQuery(Name = "result")]
    public CollectFileResult? Result { get; set; }

    /// <summary>The run.</summary>
    public CollectionRunInfo Run { get; private set; } = null!;

    /// <summary>Its files.</summary>
    public IReadOnlyList<CollectionRunFileInfo> Files { get; private set; } = [];

    /// <summary>Shows the run.</summary>
    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Run = await collect.GetRunAsync(RunId, cancellationToken);
        Files = await collect.ListRunFilesAsync(RunId, Result, cancellationToken);
    }
}
