using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Sync.Changes;

/// <summary>
/// Where an engine's reading of a Dropbox folder's changes stands: the <c>list_folder</c> cursor of one
/// (engine, key) — an export profile's folder, later a mirror rule's — and when it was last read. The
/// cursor is saved only after the changes it stands for were acted on, so a crash reads them again.
/// </summary>
public sealed class SyncCursor : ICompanyScoped, IAuditExempt
{
    /// <summary>The engine reading.</summary>
    public SyncEngine Engine { get; set; }

    /// <summary>What it reads for (an export profile, a mirror rule).</summary>
    public Guid Key { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The connection whose account is read.</summary>
    public Guid ConnectionId { get; set; }

    /// <summary>The Dropbox folder read (as displayed; <c>""</c> for the root).</summary>
    public required string Folder { get; set; }

    /// <summary>Dropbox's cursor after the last changes acted on.</summary>
    public required string Cursor { get; set; }

    /// <summary>When the changes were last read (whether or not there were any).</summary>
    public DateTimeOffset CheckedAt { get; set; }
}
