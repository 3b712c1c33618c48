using DocSync.Core.Companies;
using DocSync.Core.Errors;

namespace DocSync.Core.Access;

/// <summary>
/// The mutable <see cref="ICompanyContext"/> of one unit of work. The web host enters a scope once
/// it has authenticated the caller (cookie + membership, or API key).
/// </summary>
public sealed class CompanyContext : ICompanyContext
{
    private CompanyScope? _scope;

    /// <inheritdoc />
    public Guid? CurrentCompanyId => _scope?.CompanyId;

    /// <inheritdoc />
    public Actor Actor => _scope?.Actor ?? Actor.System;

    /// <inheritdoc />
    public Guid CompanyId => _scope?.CompanyId
        ?? throw new InvalidOperationException("No company was entered for this unit of work.");

    /// <summary>Enters <paramref name="scope"/>; later queries and changes apply to its company.</summary>
    /// <param name="scope">The company, actor and rights.</param>
    public void Enter(CompanyScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scope = scope;
    }

    /// <summary>The scope entered, if any (to put it back after a short visit elsewhere, see <see cref="Restore"/>).</summary>
    public CompanyScope? Scope => _scope;

    /// <summary>Puts back a scope read from <see cref="Scope"/> (or none).</summary>
    /// <param name="scope">The earlier scope.</param>
    public void Restore(CompanyScope? scope) => _scope = scope;

    /// <summary>Leaves the current company; scoped queries return nothing until another is entered.</summary>
    public void Leave() => _scope = null;

    /// <inheritdoc />
    public bool Has(Right right) => _scope?.Rights.Contains(right) ?? false;

    /// <inheritdoc />
    public void Demand(Right right)
    {
        if (!Has(right))
        {
            throw new AccessDeniedException(right);
        }
    }
}
