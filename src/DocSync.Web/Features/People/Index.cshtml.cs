using DocSync.Core.Companies;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.People;

/// <summary>
/// The company's people and roles. Adding someone new makes an invitation link (a one-time token to
/// choose a password), shown once to the person who added them: DocSync sends no e-mail by itself.
/// </summary>
[RequireRight(Right.ManagePeople)]
public sealed class IndexModel(MembershipService memberships, UserManager<Person> users) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The members.</summary>
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];

    /// <summary>The invitation link just made, if any.</summary>
    public string? InviteLink { get; private set; }

    /// <summary>Lists the members.</summary>
    public async Task OnGetAsync() => Members = await memberships.ListAsync(HttpContext.RequestAborted);

    /// <summary>Adds a person (new or existing) with a role.</summary>
    /// <param name="email">Their e-mail.</param>
    /// <param name="displayName">Their name (for a new person).</param>
    /// <param name="role">Their role.</param>
    public async Task<IActionResult> OnPostAddAsync(string? email, string? displayName, CompanyRole role)
    {
        await OnGetAsync();
        var added = await memberships.AddAsync(email ?? "", string.IsNullOrWhiteSpace(displayName) ? (email ?? "").Split('@')[0] : displayName, role, HttpContext.RequestAborted);
        var person = await users.FindByIdAsync(added.PersonId.ToString());
        if (person is not null && !await users.HasPasswordAsync(person))
        {
            var token = await users.GeneratePasswordResetTokenAsync(person);
            InviteLink = $"{Request.Scheme}://{Request.Host}/set-password?personId={person.Id}&token={Uri.EscapeDataString(token)}";
        }

        await OnGetAsync();
        return Page();
    }

    /// <summary>Changes a member's role.</summary>
    /// <param name="personId">The member.</param>
    /// <param name="role">The new role.</param>
    public async Task<IActionResult> OnPostRoleAsync(Guid personId, CompanyRole role)
    {
        await OnGetAsync();
        await memberships.ChangeRoleAsync(personId, role, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/people");
    }

    /// <summary>Removes a member.</summary>
    /// <param name="personId">The member.</param>
    public async Task<IActionResult> OnPostRemoveAsync(Guid personId)
    {
        await OnGetAsync();
        await memberships.RemoveAsync(personId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/people");
    }
}
