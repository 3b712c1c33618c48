using DocSync.Core.Access;

namespace DocSync.Core.Documents;

/// <summary>One immutable version of a document. Written once, never updated: the history is the rows.</summary>
public sealed class DocumentVersion : ICompanyScoped
{
    /// <summary>The row's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; set; }

    /// <summary>1 for the first version, then +1 per change; unique per document.</summary>
    public int Number { get; set; }

    /// <summary>The document's status in this version.</summary>
    public DocumentStatus Status { get; set; }

    /// <summary>The binder the document was filed in at this version.</summary>
    public Guid? BinderId { get; set; }

    /// <summary>The whole content of this version.</summary>
    public required DocumentContent Content { get; set; }

    /// <summary>When this version was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who made it: <c>person:&lt;id&gt;</c>, <c>api-key:&lt;id&gt;</c> or <c>system</c>.</summary>
    public required string CreatedBy { get; set; }
}
