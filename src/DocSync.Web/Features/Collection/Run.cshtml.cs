using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Collection;

/// <summary>
/// "Run now": what a run of the channel will do, a button to confirm it, then what it did (or why it
/// could not run: the connection is not active or needs a new link, another run held the channel).
/// </summary>
[RequireRight(Right.ConfigureCollection)]
public sealed class RunModel(CollectService collect) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The channel of the URL.</summary>
    [FromRoute]
    public Guid ChannelId { get; set; }

    /// <summary>The channel.</summary>
    public CollectionChannelInfo Channel { get; private set; } = null!;

    /// <summary>The run just made.</summary>
    public CollectionRunInfo? Result { get; private set; }

    /// <summary>Why the run could not start: the conflict's code and the service's sentence.</summary>
    public (string Code, string Message)? Refused { get; private set; }

    /// <summary>Shows what the run will do.</summary>
    public async Task OnGetAsync() => Channel = await collect.GetAsync(ChannelId, HttpContext.RequestAborted);

    /// <summary>Runs the channel now and shows the result.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            Result = await collect.RunNowAsync(ChannelId, HttpContext.RequestAborted);
        }
        catch (ConflictException conflict)
        {
            Refused = (conflict.Code, conflict.Message);
        }

        // The channel as the run left it (a pause, its last run).
        await OnGetAsync();
        return Page();
    }
}
