using DocSync.Core.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Notifications;

/// <summary>The notification centre: the person's notices in this company (only those their role may act on), read or not, and how they are e-mailed.</summary>
public sealed class IndexModel(NotificationCenter center, Mailer mailer) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The notices, newest first.</summary>
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];

    /// <summary>How the person wants notices e-mailed.</summary>
    public NoticeMail Mail { get; private set; }

    /// <summary>Whether this server can send e-mail at all.</summary>
    public bool MailEnabled => mailer.Enabled;

    /// <summary>What was just done, for the status line.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    /// <summary>Loads the notices.</summary>
    public async Task OnGetAsync()
    {
        Notices = await center.ListAsync(cancellationToken: HttpContext.RequestAborted);
        Mail = await center.MailAsync(HttpContext.RequestAborted);
    }

    /// <summary>Marks one notice read.</summary>
    /// <param name="noticeId">The notice.</param>
    public async Task<IActionResult> OnPostReadAsync(Guid noticeId)
    {
        await center.MarkReadAsync(noticeId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/notifications?done=read");
    }

    /// <summary>Marks every notice read.</summary>
    public async Task<IActionResult> OnPostReadAllAsync()
    {
        await center.MarkAllReadAsync(HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/notifications?done=readall");
    }

    /// <summary>Saves how the person wants notices e-mailed.</summary>
    /// <param name="mail">The choice.</param>
    public async Task<IActionResult> OnPostMailAsync(NoticeMail mail)
    {
        await center.SetMailAsync(mail, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/notifications?done=mail");
    }
}
