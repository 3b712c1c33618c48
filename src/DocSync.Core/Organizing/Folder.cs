using DocSync.Core.Access;

namespace DocSync.Core.Organizing;

/// <summary>A folder of free files (Files, and Mirror after it).</summary>
public sealed class Folder : ICompanyScoped
{
    /// <summary>The folder's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The parent folder; <see langword="null"/> at the top. Kept while in the trash: where a restore puts it back.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Name, unique among its siblings.</summary>
    public required string Name { get; set; }

    /// <summary>When the folder was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it went to the trash (itself or with a folder above it); <see langword="null"/> while in use.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The item whose deletion put it in the trash (its own id when it was deleted itself): what is restored or purged together.</summary>
    public Guid? TrashGroupId { get; set; }

    /// <summary>Raised by every change; a change made from an older value is refused (optimistic concurrency).</summary>
    public int Version { get; set; }
}
