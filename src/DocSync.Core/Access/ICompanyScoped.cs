namespace DocSync.Core.Access;

/// <summary>
/// An entity that belongs to one company. The database context filters every query on these
/// entities to the current company of <see cref="ICompanyContext"/> and refuses to save one that
/// belongs to another company.
/// </summary>
public interface ICompanyScoped
{
    /// <summary>The company (tenant) the entity belongs to.</summary>
    Guid CompanyId { get; set; }
}
