using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Web.Features.Documents;

/// <summary>The new-document form: the essentials of a document with up to five lines and an optional file.</summary>
public sealed class NewDocumentInput
{
    /// <summary>Type.</summary>
    public DocumentType Type { get; set; } = DocumentType.Invoice;

    /// <summary>Number.</summary>
    public string Number { get; set; } = "";

    /// <summary>Issue date.</summary>
    public DateOnly IssueDate { get; set; } = DateOnly.FromDateTime(DateTime.Today);

    /// <summary>Due date.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Currency.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Customer (or supplier, for a purchase invoice).</summary>
    public string PartyName { get; set; } = "";

    /// <summary>Their VAT number.</summary>
    public string? PartyVatNumber { get; set; }

    /// <summary>Status.</summary>
    public DocumentStatus Status { get; set; } = DocumentStatus.Draft;

    /// <summary>Binder.</summary>
    public Guid? BinderId { get; set; }

    /// <summary>The lines (empty rows are skipped).</summary>
    public List<LineInput> Lines { get; set; } = [.. Enumerable.Range(0, 3).Select(_ => new LineInput())];

    /// <summary>The document's file (a PDF, or any attachment); DocSync renders a PDF when none is given.</summary>
    public IFormFile? File { get; set; }

    /// <summary>The document content the form describes, with totals computed; <paramref name="company"/> is the seller (buyer for purchases).</summary>
    /// <param name="company">The current company.</param>
    public DocumentContent ToContent(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var own = new Party { Name = company.Name, VatNumber = company.VatNumber, Address = new PostalAddress { Country = company.Country } };
        var other = new Party { Name = PartyName.Trim(), VatNumber = string.IsNullOrWhiteSpace(PartyVatNumber) ? null : PartyVatNumber.Trim() };
        var purchase = Type is DocumentType.PurchaseInvoice or DocumentType.Receipt;
        var lines = Lines.Where(l => !string.IsNullOrWhiteSpace(l.Description) || l.UnitPrice is not null)
            .Select(l => new DocumentLine { Description = l.Description?.Trim() ?? "", Quantity = l.Quantity, UnitPrice = l.UnitPrice ?? 0, VatRate = l.VatRate })
            .ToList();
        return DocumentCalculator.Complete(new DocumentContent
        {
            Type = Type,
            Number = Number.Trim(),
            IssueDate = IssueDate,
            DueDate = DueDate,
            Currency = Currency.Trim().ToUpperInvariant(),
            Seller = purchase ? other : own,
            Buyer = purchase ? own : other,
            Lines = lines,
            Totals = new DocumentTotals(),
        });
    }
}
