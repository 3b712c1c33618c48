using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Collection;

/// <summary>
/// The company's collection channels: where each collects from and to, when, its state and its last
/// run, with "Run now" and the way to a new channel and the history.
/// </summary>
[RequireRight(Right.ConfigureCollection)]
public sealed class IndexModel(CollectService collect) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>A message after an action (created, saved, deleted).</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    /// <summary>The channels.</summary>
    public IReadOnlyList<CollectionChannelInfo> Channels { get; private set; } = [];

    /// <summary>Lists the channels.</summary>
    public async Task OnGetAsync() => Channels = await collect.ListAsync(HttpContext.RequestAborted);
}
