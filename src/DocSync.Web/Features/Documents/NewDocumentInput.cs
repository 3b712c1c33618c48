using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Validation;

namespace DocSync.Web.Features.Documents;

/// <summary>
/// The document form (new, edit, inbox → document): the facts, both parties with what Peppol BIS 3 needs
/// (address, country, VAT number, IBAN), any number of lines and an optional file.
/// </summary>
public sealed class NewDocumentInput
{
    /// <summary>Most lines the form takes.</summary>
    public const int MaxLines = 200;

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

    /// <summary>Customer (or supplier, for a purchase).</summary>
    public string PartyName { get; set; } = "";

    /// <summary>Their VAT number.</summary>
    public string? PartyVatNumber { get; set; }

    /// <summary>Their street and number.</summary>
    public string? PartyStreet { get; set; }

    /// <summary>Their postal code.</summary>
    public string? PartyPostalCode { get; set; }

    /// <summary>Their city.</summary>
    public string? PartyCity { get; set; }

    /// <summary>Their country (ISO 3166 code).</summary>
    public string? PartyCountry { get; set; }

    /// <summary>Their IBAN (a supplier's, for a purchase).</summary>
    public string? PartyIban { get; set; }

    /// <summary>The company's own name on the document; the company's name when blank.</summary>
    public string? OwnName { get; set; }

    /// <summary>The company's VAT number; the company's when blank.</summary>
    public string? OwnVatNumber { get; set; }

    /// <summary>The company's street and number.</summary>
    public string? OwnStreet { get; set; }

    /// <summary>The company's postal code.</summary>
    public string? OwnPostalCode { get; set; }

    /// <summary>The company's city.</summary>
    public string? OwnCity { get; set; }

    /// <summary>The company's country; the company's when blank.</summary>
    public string? OwnCountry { get; set; }

    /// <summary>The company's IBAN (paid to, on a sale).</summary>
    public string? OwnIban { get; set; }

    /// <summary>Note or payment terms.</summary>
    public string? Note { get; set; }

    /// <summary>Status.</summary>
    public DocumentStatus Status { get; set; } = DocumentStatus.Draft;

    /// <summary>Binder.</summary>
    public Guid? BinderId { get; set; }

    /// <summary>The lines (empty rows are skipped).</summary>
    public List<LineInput> Lines { get; set; } = [new LineInput()];

    /// <summary>The document's file (a PDF, or any attachment); DocSync renders a PDF when none is given.</summary>
    public IFormFile? File { get; set; }

    /// <summary>
    /// A button that changes the form rather than saving it (works without script): <c>add-line</c>,
    /// <c>remove-line:N</c> (N counted from 0) or <c>check</c> (say whether the document would get a UBL).
    /// </summary>
    public string? Command { get; set; }

    /// <summary>Carries out <see cref="Command"/>; <see langword="false"/> when the form is to be saved.</summary>
    public bool ApplyCommand()
    {
        switch (Command)
        {
            case "add-line":
                Lines = [.. Lines.Where(l => !l.IsEmpty).Take(MaxLines - 1), new LineInput()];
                return true;
            case { } remove when remove.StartsWith("remove-line:", StringComparison.Ordinal)
                                 && int.TryParse(remove.AsSpan("remove-line:".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index):
                if (index >= 0 && index < Lines.Count)
                {
                    Lines.RemoveAt(index);
                }

                if (Lines.Count == 0)
                {
                    Lines.Add(new LineInput());
                }

                return true;
            case "check":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the form describes a purchase (the company is the buyer).</summary>
    public bool IsPurchase => Type.IsPurchase();

    /// <summary>The document content the form describes, with totals computed; <paramref name="company"/> fills what the own party leaves blank.</summary>
    /// <param name="company">The current company.</param>
    public DocumentContent ToContent(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var own = new Party
        {
            Name = Blank(OwnName) ?? company.Name,
            VatNumber = Blank(OwnVatNumber) ?? company.VatNumber,
            Address = Address(OwnStreet, OwnPostalCode, OwnCity, Blank(OwnCountry) ?? company.Country),
            Iban = Blank(OwnIban),
        };
        var other = new Party
        {
            Name = (PartyName ?? "").Trim(),
            VatNumber = Blank(PartyVatNumber),
            Address = Address(PartyStreet, PartyPostalCode, PartyCity, PartyCountry),
            Iban = Blank(PartyIban),
        };
        var lines = Lines.Where(l => !l.IsEmpty)
            .Select(l => new DocumentLine { Description = l.Description?.Trim() ?? "", Quantity = l.Quantity, UnitPrice = l.UnitPrice ?? 0, VatRate = l.VatRate })
            .ToList();
        return DocumentCalculator.Complete(new DocumentContent
        {
            Type = Type,
            Number = (Number ?? "").Trim(),
            IssueDate = IssueDate,
            DueDate = DueDate,
            Currency = (Currency ?? "").Trim().ToUpperInvariant(),
            Seller = IsPurchase ? other : own,
            Buyer = IsPurchase ? own : other,
            Lines = lines,
            Totals = new DocumentTotals(),
            Note = Blank(Note),
        });
    }

    /// <summary>The form filled from a document's content (to edit it, or from an e-invoice), with an empty line to add more.</summary>
    /// <param name="content">The content.</param>
    public static NewDocumentInput From(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var purchase = content.Type.IsPurchase();
        var own = (purchase ? content.Buyer : content.Seller) ?? new Party { Name = "" };
        var other = (purchase ? content.Seller : content.Buyer) ?? new Party { Name = "" };
        return new NewDocumentInput
        {
            Type = content.Type,
            Number = content.Number,
            IssueDate = content.IssueDate,
            DueDate = content.DueDate,
            Currency = content.Currency,
            Note = content.Note,
            PartyName = other.Name,
            PartyVatNumber = other.VatNumber,
            PartyStreet = other.Address?.Street,
            PartyPostalCode = other.Address?.PostalCode,
            PartyCity = other.Address?.City,
            PartyCountry = other.Address?.Country,
            PartyIban = other.Iban,
            OwnName = own.Name,
            OwnVatNumber = own.VatNumber,
            OwnStreet = own.Address?.Street,
            OwnPostalCode = own.Address?.PostalCode,
            OwnCity = own.Address?.City,
            OwnCountry = own.Address?.Country,
            OwnIban = own.Iban,
            Lines = [.. content.Lines.Select(l => new LineInput { Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, VatRate = l.VatRate })],
        };
    }

    /// <summary>
    /// Why the document would get no UBL (Peppol BIS Billing 3.0) file, one problem each, as the export's own
    /// writer finds them; empty when it would get one, or when its type has no UBL form.
    /// </summary>
    /// <param name="company">The current company.</param>
    public IReadOnlyList<string> UblProblems(Company company)
    {
        if (!UblWriter.Supports(Type))
        {
            return [];
        }

        try
        {
            UblWriter.Write(ToContent(company));
            return [];
        }
        catch (UblException e)
        {
            return e.Problems;
        }
    }

    /// <summary>Removes blank lines, keeping one to type in; at most <see cref="MaxLines"/>.</summary>
    public void Tidy()
    {
        Lines = [.. Lines.Where(l => !l.IsEmpty).Take(MaxLines)];
        if (Lines.Count < MaxLines)
        {
            Lines.Add(new LineInput());
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static PostalAddress? Address(string? street, string? postalCode, string? city, string? country) =>
        Blank(street) is null && Blank(postalCode) is null && Blank(city) is null && Blank(country) is null
            ? null
            : new PostalAddress { Street = Blank(street), PostalCode = Blank(postalCode), City = Blank(city), Country = Blank(country)?.ToUpperInvariant() };
}
