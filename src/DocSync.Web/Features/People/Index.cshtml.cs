using DocSync.Core.Companies;
using DocSync.Core.Invitations;
using DocSync.Core.Notifications;
using DocSync.Web.Hosting;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.People;

/// <summary>
/// The company's people and roles, and its open invitations. Adding someone always makes an
/// invitation link (shown once, and e-mailed when SMTP is set), whether or not the address already
/// has an account: the answer never tells. Removing someone asks first.
/// </summary>
[RequireRight(Right.ManagePeople)]
public sealed class IndexModel(MembershipService memberships, InvitationService invitations, PublicLinks links, Mailer mailer, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The members.</summary>
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];

    /// <summary>The open invitations.</summary>
    public IReadOnlyList<InvitationInfo> Invitations { get; private set; } = [];

    /// <summary>The invitation link just made, if any.</summary>
    public string? InviteLink { get; private set; }

    /// <summary>Whether that link was also e-mailed.</summary>
    public bool InviteMailed { get; private set; }

    /// <summary>The member whose removal is being confirmed.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")]
    public Guid? ConfirmRemove { get; set; }

    /// <summary>What was just done (<c>removed</c>, <c>revoked</c>), for the message.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    /// <summary>Lists the members and invitations.</summary>
    public async Task OnGetAsync()
    {
        Members = await memberships.ListAsync(HttpContext.RequestAborted);
        Invitations = await invitations.ListOpenAsync(HttpContext.RequestAborted);
    }

    /// <summary>Invites a person (new or existing) with a role.</summary>
    /// <param name="email">Their e-mail.</param>
    /// <param name="displayName">Their name.</param>
    /// <param name="role">Their role.</param>
    public async Task<IActionResult> OnPostAddAsync(string? email, string? displayName, CompanyRole role)
    {
        await OnGetAsync();
        var issued = await invitations.InviteAsync(email ?? "", displayName ?? "", role, HttpContext.RequestAborted);
        await ShowAsync(issued, email ?? "", displayName);
        await OnGetAsync();
        return Page();
    }

    /// <summary>Makes a new link for an invitation (the old one stops working).</summary>
    /// <param name="invitationId">The invitation.</param>
    public async Task<IActionResult> OnPostRenewAsync(Guid invitationId)
    {
        await OnGetAsync();
        var old = Invitations.FirstOrDefault(i => i.Id == invitationId);
        var issued = await invitations.RenewAsync(invitationId, HttpContext.RequestAborted);
        await ShowAsync(issued, old?.Email ?? "", old?.DisplayName);
        await OnGetAsync();
        return Page();
    }

    /// <summary>Withdraws an invitation.</summary>
    /// <param name="invitationId">The invitation.</param>
    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId)
    {
        await invitations.RevokeAsync(invitationId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/people?done=revoked");
    }

    /// <summary>Changes a member's role.</summary>
    /// <param name="personId">The member.</param>
    /// <param name="role">The new role.</param>
    public async Task<IActionResult> OnPostRoleAsync(Guid personId, CompanyRole role)
    {
        await OnGetAsync();
        await memberships.ChangeRoleAsync(personId, role, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/people?done=role");
    }

    /// <summary>Removes a member (after the confirmation step).</summary>
    /// <param name="personId">The member.</param>
    /// <param name="confirmed">Set by the confirmation form.</param>
    public async Task<IActionResult> OnPostRemoveAsync(Guid personId, bool confirmed)
    {
        if (!confirmed)
        {
            return Redirect($"/c/{CompanyId}/people?remove={personId}");
        }

        await OnGetAsync();
        await memberships.RemoveAsync(personId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/people?done=removed");
    }

    private async Task ShowAsync(IssuedInvitation issued, string email, string? displayName)
    {
        InviteLink = links.To($"/invitation/{issued.Token}").ToString();
        if (mailer.Enabled)
        {
            var company = (await HttpContext.RequestServices.GetRequiredService<CompanyService>().GetCurrentAsync(HttpContext.RequestAborted)).Name;
            var sent = await mailer.SendAsync([(email.Trim(), string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim())],
                texts.Format("invitation.mailSubject", company),
                texts.Format("invitation.mailBody", company, InviteLink, issued.ExpiresAt.ToString("f", System.Globalization.CultureInfo.CurrentCulture)),
                HttpContext.RequestAborted);
            InviteMailed = sent > 0;
        }
    }
}
