using DocSync.Core.Companies;

namespace DocSync.Core.Access;

/// <summary>
/// The company the current unit of work (one HTTP request, one worker job) acts in, who acts and
/// with which rights. Scoped: one per request. Every company-scoped query is filtered by it.
/// </summary>
public interface ICompanyContext
{
    /// <summary>The current company, or <see langword="null"/> before one is entered (then scoped queries return nothing).</summary>
    Guid? CurrentCompanyId { get; }

    /// <summary>Who acts; <see cref="Actor.System"/> before a scope is entered.</summary>
    Actor Actor { get; }

    /// <summary>The current company; throws <see cref="InvalidOperationException"/> when none was entered.</summary>
    Guid CompanyId { get; }

    /// <summary>Whether the actor holds <paramref name="right"/> in the current company.</summary>
    /// <param name="right">The right.</param>
    bool Has(Right right);

    /// <summary>Throws <see cref="Errors.AccessDeniedException"/> unless the actor holds <paramref name="right"/>.</summary>
    /// <param name="right">The right.</param>
    void Demand(Right right);
}
