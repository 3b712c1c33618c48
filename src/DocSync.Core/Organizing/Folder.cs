using DocSync.Core.Access;

namespace DocSync.Core.Organizing;

/// <summary>A folder of free attachments (Mirror and the file manager build on them).</summary>
public sealed class Folder : ICompanyScoped
{
    /// <summary>The folder's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The parent folder; <see langword="null"/> at the top.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Name, unique among its siblings.</summary>
    public required string Name { get; set; }

    /// <summary>When the folder was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
