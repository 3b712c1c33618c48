using DocSync.Core.Access;

namespace DocSync.Core.Organizing;

/// <summary>A binder (classeur, klasseur): a named place documents are filed in, e.g. "Purchases 2025".</summary>
public sealed class Binder : ICompanyScoped
{
    /// <summary>The binder's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>Name, unique in the company.</summary>
    public required string Name { get; set; }

    /// <summary>Optional description.</summary>
    public string? Description { get; set; }

    /// <summary>When the binder was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
