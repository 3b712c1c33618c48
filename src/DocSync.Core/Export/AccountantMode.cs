using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Errors;
using DocSync.Core.Export.Paths;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Export;

/// <summary>
/// Accountant mode: one linked Dropbox exports every company an accountant serves, each in its own
/// folder. The connection of the current company is linked again, with the same Dropbox grant, in
/// each chosen company (where the person may manage connections), under
/// <c>&lt;root&gt;/&lt;company name&gt;</c>, with copies of its export profiles; each company keeps
/// its own queue, log and settings, and nothing of one company is visible from another.
/// </summary>
public sealed class AccountantMode(
    DocSyncDbContext db, ICompanyContext company, CompanyAccess access, ConnectionService connections, IServiceScopeFactory scopes)
{
    /// <summary>The other companies the person may export through this connection (they manage connections there).</summary>
    /// <param name="personId">The signed-in person.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<CompanyMembership>> CandidatesAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var memberships = await access.CompaniesOfAsync(personId, cancellationToken).ConfigureAwait(false);
        return memberships.Where(m => m.CompanyId != company.CompanyId && RoleRights.For(m.Role).Contains(Right.ManageDropboxConnections)).ToList();
    }

    /// <summary>Links the connection in each of <paramref name="companyIds"/> with copies of its profiles; returns the new connections by company.</summary>
    /// <param name="personId">The signed-in person (must manage connections in each company).</param>
    /// <param name="connectionId">The current company's connection.</param>
    /// <param name="companyIds">The companies to export through it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyDictionary<Guid, Guid>> ShareAsync(Guid personId, Guid connectionId, IReadOnlyCollection<Guid> companyIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(companyIds);
        var source = await db.DropboxConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("connection", connectionId);
        var grant = await connections.RevealRefreshTokenAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var profiles = await db.ExportProfiles.AsNoTracking().Where(p => p.ConnectionId == connectionId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var created = new Dictionary<Guid, Guid>();
        foreach (var target in companyIds.Distinct().Where(id => id != company.CompanyId))
        {
            var scope = await access.ForPersonAsync(personId, target, cancellationToken).ConfigureAwait(false);
            if (scope is null)
            {
                throw new NotFoundException("company", target);
            }
            if (!scope.Rights.Contains(Right.ManageDropboxConnections))
            {
                throw new AccessDeniedException(Right.ManageDropboxConnections);
            }

            await using var unit = scopes.CreateAsyncScope();
            unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(scope);
            var there = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var name = await there.Companies.AsNoTracking().Where(c => c.Id == target).Select(c => c.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
            var root = ExportLayout.Join(source.RootFolder, DropboxNames.SanitizeSegment(name));
            var linked = await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(
                new LinkRequest(source.Name, root, source.AccountId, source.AccountEmail, source.AccountName, source.TeamId, source.AppFolder, source.Emulated, grant),
                cancellationToken).ConfigureAwait(false);
            var export = unit.ServiceProvider.GetRequiredService<ExportService>();
            foreach (var profile in profiles)
            {
                await export.CreateProfileAsync(linked.Id, ExportProfileInput.Of(profile), cancellationToken).ConfigureAwait(false);
            }
            created[target] = linked.Id;
        }
        return created;
    }
}
