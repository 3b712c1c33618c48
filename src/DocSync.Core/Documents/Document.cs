using DocSync.Core.Access;

namespace DocSync.Core.Documents;

/// <summary>
/// A document's identity and the searchable summary of its latest version. Its content lives in
/// <see cref="DocumentVersion"/> rows: every change adds one, none is ever overwritten.
/// </summary>
public sealed class Document : ICompanyScoped
{
    /// <summary>The document's id (stable across versions).</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The latest version's number (1 for a new document); a concurrency token.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>The kind of document (latest version).</summary>
    public DocumentType Type { get; set; }

    /// <summary>The document's number (latest version).</summary>
    public required string Number { get; set; }

    /// <summary>
    /// The number as it is held unique per company and type; null for a deleted document (its number
    /// is free again) and for a duplicate made before numbers were checked, until it is renumbered.
    /// </summary>
    public string? NumberKey { get; set; }

    /// <summary>Status (latest version).</summary>
    public DocumentStatus Status { get; set; }

    /// <summary>Issue date (latest version).</summary>
    public DateOnly IssueDate { get; set; }

    /// <summary>Due date (latest version).</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Currency (latest version).</summary>
    public required string Currency { get; set; }

    /// <summary>Total including VAT (latest version).</summary>
    public decimal TotalInclVat { get; set; }

    /// <summary>The seller's name (latest version).</summary>
    public required string SellerName { get; set; }

    /// <summary>The buyer's name (latest version), if any.</summary>
    public string? BuyerName { get; set; }

    /// <summary>The binder the document is filed in, if any.</summary>
    public Guid? BinderId { get; set; }

    /// <summary>When the document was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the latest version was made.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the document was deleted; deleted documents are hidden but their versions are kept.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Number and party names folded for search (lower case, no accents; see <see cref="SearchText"/>).</summary>
    public string SearchKey { get; set; } = "";

    /// <summary>Copies the searchable fields of <paramref name="content"/> onto the summary.</summary>
    /// <param name="content">The latest version's content.</param>
    public void Summarize(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Type = content.Type;
        Number = content.Number;
        IssueDate = content.IssueDate;
        DueDate = content.DueDate;
        Currency = content.Currency;
        TotalInclVat = content.Totals.TotalInclVat;
        SellerName = content.Seller.Name;
        BuyerName = content.Buyer?.Name;
        SearchKey = SearchText.Fold($"{content.Number} {content.Seller.Name} {content.Buyer?.Name}");
    }
}
