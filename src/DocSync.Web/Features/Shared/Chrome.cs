using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Web.Security;

namespace DocSync.Web.Features.Shared;

/// <summary>What the layout shows around a page: the person's companies, the current one and the links its rights allow.</summary>
public sealed class Chrome(CompanyAccess access, IHttpContextAccessor http, Core.Persistence.DocSyncDbContext db)
{
    /// <summary>
    /// How many of the current company's Dropbox connections need re-linking, for people who can
    /// re-link them (0 for everyone else).
    /// </summary>
    public async Task<int> ConnectionsNeedingRelinkAsync() =>
        Scope is not null && Has(Right.ManageDropboxConnections)
            ? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DropboxConnections,
                c => c.State == Core.Connections.ConnectionState.NeedsRelink)
            : 0;

    /// <summary>How many open invitations the signed-in person has (companies asking them to join).</summary>
    public async Task<int> OpenInvitationsAsync() =>
        http.HttpContext?.User.PersonId() is { } id
            ? await http.HttpContext.RequestServices.GetRequiredService<Core.Invitations.InvitationService>().CountForPersonAsync(id)
            : 0;

    /// <summary>The companies of the signed-in person (empty when signed out).</summary>
    public async Task<IReadOnlyList<CompanyMembership>> CompaniesAsync() =>
        http.HttpContext?.User.PersonId() is { } id ? await access.CompaniesOfAsync(id) : [];

    /// <summary>The company entered for this page, if any.</summary>
    public CompanyScope? Scope => http.HttpContext?.Items[CompanyPageFilter.ScopeItem] as CompanyScope;

    /// <summary>Whether the current scope holds <paramref name="right"/>.</summary>
    /// <param name="right">The right.</param>
    public bool Has(Right right) => Scope?.Rights.Contains(right) ?? false;
}
