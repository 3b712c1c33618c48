using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Organizing;

/// <summary>The current company's binders.</summary>
public sealed class BinderService(DocSyncDbContext db, ICompanyContext company, TimeProvider time, ILogger<BinderService> logger)
{
    /// <summary>Creates a binder. Needs <see cref="Right.ManageBinders"/>.</summary>
    /// <param name="name">Name, unique in the company, 1 to 200 characters.</param>
    /// <param name="description">Optional description.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Binder> CreateAsync(string name, string? description = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageBinders);
        var trimmed = await CheckNameAsync(name, null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var binder = new Binder { Id = Guid.CreateVersion7(now), CompanyId = company.CompanyId, Name = trimmed, Description = description, CreatedAt = now };
        db.Binders.Add(binder);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return binder;
    }

    /// <summary>The current company's binders by name. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<Binder>> ListAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var binders = await db.Binders.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return binders.OrderBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>One binder. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="binderId">The binder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Binder> GetAsync(Guid binderId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        return await db.Binders.AsNoTracking().SingleOrDefaultAsync(b => b.Id == binderId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("binder", binderId);
    }

    /// <summary>Renames a binder. Needs <see cref="Right.ManageBinders"/>.</summary>
    /// <param name="binderId">The binder.</param>
    /// <param name="name">New name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Binder> RenameAsync(Guid binderId, string name, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageBinders);
        var binder = await db.Binders.SingleOrDefaultAsync(b => b.Id == binderId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("binder", binderId);
        binder.Name = await CheckNameAsync(name, binderId, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return binder;
    }

    /// <summary>The current company's binders by name, each with its number of documents. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<BinderInfo>> ListWithCountsAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var binders = await db.Binders.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = await db.Documents.AsNoTracking().Where(d => d.DeletedAt == null)
            .Where(d => d.BinderId != null)
            .GroupBy(d => d.BinderId!.Value)
            .Select(g => new { BinderId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.BinderId, g => g.Count, cancellationToken).ConfigureAwait(false);
        return binders
            .OrderBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(b => new BinderInfo(b.Id, b.Name, b.Description, b.CreatedAt, counts.GetValueOrDefault(b.Id)))
            .ToList();
    }

    /// <summary>
    /// Deletes a binder; one that still holds documents throws <see cref="ConflictException"/>.
    /// Inbox items bound for it keep no binder. Needs <see cref="Right.ManageBinders"/>.
    /// </summary>
    /// <param name="binderId">The binder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DeleteAsync(Guid binderId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageBinders);
        var binder = await db.Binders.SingleOrDefaultAsync(b => b.Id == binderId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("binder", binderId);
        if (await db.Documents.AnyAsync(d => d.BinderId == binderId, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException("id", "not-empty", "The binder still holds documents; move them to another binder first.");
        }

        db.Binders.Remove(binder);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        OrganizingLog.BinderDeleted(logger, binderId, binder.CompanyId);
    }

    private async Task<string> CheckNameAsync(string name, Guid? self, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            throw new ValidationFailedException("name", "required", "A binder name has 1 to 200 characters.");
        }

        var trimmed = name.Trim();
        if (await db.Binders.AnyAsync(b => b.Name == trimmed && b.Id != self, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException("name", "name-taken", "A binder with this name exists already.");
        }

        return trimmed;
    }
}
