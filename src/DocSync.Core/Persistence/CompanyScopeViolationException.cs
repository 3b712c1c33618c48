namespace DocSync.Core.Persistence;

/// <summary>
/// A save touched a row of a company other than the current one. This is a programming error (a
/// service wrote across companies), never an answer to bad input; nothing was saved.
/// </summary>
public sealed class CompanyScopeViolationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="rowCompanyId">The company the row belongs to.</param>
    /// <param name="currentCompanyId">The current company, if any.</param>
    public CompanyScopeViolationException(string entityType, Guid rowCompanyId, Guid? currentCompanyId)
        : base($"Refused to save a {entityType} of company {rowCompanyId} while acting in company {currentCompanyId?.ToString() ?? "(none)"}.")
    {
        EntityType = entityType;
        RowCompanyId = rowCompanyId;
    }

    /// <summary>The entity type.</summary>
    public string EntityType { get; }

    /// <summary>The company the row belongs to.</summary>
    public Guid RowCompanyId { get; }
}
