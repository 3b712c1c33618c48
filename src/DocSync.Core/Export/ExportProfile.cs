using DocSync.Core.Access;
using DocSync.Core.Documents;

namespace DocSync.Core.Export;

/// <summary>
/// What one connection receives from the company and where it lands: the document types, the
/// folder layout (a template such as <c>{year}/{type}/{number} {counterparty}</c>), whether the UBL
/// and attachments go along, and whether a delete in DocSync deletes in Dropbox.
/// </summary>
public sealed class ExportProfile : ICompanyScoped
{
    /// <summary>Its id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The connection the files go to.</summary>
    public Guid ConnectionId { get; set; }

    /// <summary>The company's name for it, unique per connection ("Sales to the accountant").</summary>
    public required string Name { get; set; }

    /// <summary>The document types exported, as a bit set of <c>1 &lt;&lt; (int)DocumentType</c>.</summary>
    public int DocumentTypes { get; set; }

    /// <summary>The folder layout, relative to <see cref="Folder"/>, without extension.</summary>
    public required string PathTemplate { get; set; }

    /// <summary>The folder under the connection's root the layout starts in, e.g. <c>/Export</c> (empty: the root).</summary>
    public string Folder { get; set; } = "";

    /// <summary>The language folder and type names are written in: <c>en</c>, <c>nl</c> or <c>fr</c>.</summary>
    public required string Language { get; set; }

    /// <summary>Whether invoices and credit notes also get their UBL (Peppol BIS 3.0) file.</summary>
    public bool IncludeUbl { get; set; } = true;

    /// <summary>Whether the documents' attachments go along.</summary>
    public bool IncludeAttachments { get; set; } = true;

    /// <summary>Whether deleting a document in DocSync deletes its files in Dropbox (off: they stay).</summary>
    public bool DeleteInDropbox { get; set; }

    /// <summary>Whether the profile exports at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many days the sync log keeps its entries.</summary>
    public int LogRetentionDays { get; set; } = 90;

    /// <summary>When the copy of every existing document was asked for.</summary>
    public DateTimeOffset? BackfillStartedAt { get; set; }

    /// <summary>How many documents that copy covers.</summary>
    public int BackfillTotal { get; set; }

    /// <summary>When that copy finished (every document exported or in the dead-letter list).</summary>
    public DateTimeOffset? BackfillCompletedAt { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its settings last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether documents of <paramref name="type"/> are exported.</summary>
    /// <param name="type">A document type.</param>
    public bool Exports(DocumentType type) => (DocumentTypes & TypeBit(type)) != 0;

    /// <summary>The bit of <paramref name="type"/> in <see cref="DocumentTypes"/>.</summary>
    /// <param name="type">A document type.</param>
    public static int TypeBit(DocumentType type) => 1 << (int)type;

    /// <summary>The bit set of <paramref name="types"/>.</summary>
    /// <param name="types">Document types.</param>
    public static int TypeBits(IEnumerable<DocumentType> types) => types.Aggregate(0, (bits, t) => bits | TypeBit(t));
}
