using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocSync.Core.Export.Ubl;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DocSync.Core.Reading.EInvoices;

/// <summary>
/// Reads e-invoices: UBL 2.1 invoices and credit notes (Peppol BIS Billing 3.0) and UN/CEFACT CII invoices
/// (Factur-X, ZUGFeRD), as plain XML files or embedded in a PDF (PDF/A-3 attachments). The XML is read with
/// no document type declarations (so no external or expanding entities: XXE and "billion laughs" are refused
/// outright), no resolver and at most <see cref="MaxXmlBytes"/> bytes. Pure functions; thread-safe.
/// </summary>
public static class EInvoiceReader
{
    /// <summary>The largest e-invoice XML read (also per PDF attachment): 20 MiB.</summary>
    public const int MaxXmlBytes = 20 * 1024 * 1024;

    /// <summary>The namespace of a CII invoice's root element.</summary>
    public static readonly XNamespace CiiRoot = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

    /// <summary>
    /// Reads an XML e-invoice. Throws <see cref="EInvoiceException"/> when the bytes are not well-formed XML, carry a
    /// DTD, are too large (outcome <see cref="ReadOutcome.Corrupt"/>), or are XML of another kind
    /// (<see cref="ReadOutcome.Unsupported"/>).
    /// </summary>
    /// <param name="xml">The file's bytes.</param>
    public static EInvoice FromXml(ReadOnlySpan<byte> xml)
    {
        var document = Load(xml);
        return FromDocument(document) ?? throw new EInvoiceException(ReadOutcome.Unsupported,
            $"This XML file is not an e-invoice DocSync reads (its root element is {Describe(document.Root!.Name)}): DocSync reads UBL 2.1 invoices and credit notes (Peppol BIS Billing 3.0) and UN/CEFACT CII invoices (Factur-X, ZUGFeRD).");
    }

    /// <summary>
    /// The e-invoice a PDF carries as an attachment (Factur-X, ZUGFeRD or UBL, whatever the attachment is called),
    /// or <see langword="null"/> when it carries none. An attachment that is damaged or hostile XML is skipped.
    /// </summary>
    /// <param name="pdf">An open PDF.</param>
    public static EInvoice? FromPdf(PdfDocument pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!pdf.Advanced.TryGetEmbeddedFiles(out var files))
        {
            return null;
        }

        // The Factur-X / ZUGFeRD names first, then any other attachment in the PDF's order.
        foreach (var file in files.OrderBy(f => IsKnownName(f) ? 0 : 1))
        {
            var bytes = file.Memory.Span;
            if (bytes.Length is 0 or > MaxXmlBytes || FileKinds.Detect(bytes[..Math.Min(bytes.Length, FileKinds.HeadLength)], file.Name ?? "") != FileKind.Xml)
            {
                continue;
            }

            try
            {
                if (FromDocument(Load(bytes)) is { } invoice)
                {
                    return invoice with { AttachmentName = AttachmentName(file) };
                }
            }
            catch (EInvoiceException)
            {
                // Not an e-invoice (or not readable): look at the next attachment.
            }
        }

        return null;
    }

    /// <summary>
    /// The e-invoice a stored file is or carries (an XML e-invoice, or a PDF with one attached), or
    /// <see langword="null"/> when it is neither (or cannot be read). Never throws for a bad file.
    /// </summary>
    /// <param name="content">The file, seekable, from its start; not closed.</param>
    public static EInvoice? TryRead(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[FileKinds.HeadLength];
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        switch (FileKinds.Detect(head.AsSpan(0, length), ""))
        {
            case FileKind.Xml when content.Length <= MaxXmlBytes:
                var bytes = new byte[content.Length];
                content.ReadExactly(bytes);
                try
                {
                    return FromXml(bytes);
                }
                catch (EInvoiceException)
                {
                    return null;
                }

            case FileKind.Pdf:
                try
                {
                    using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
                    return FromPdf(pdf);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// The fields a bookkeeper types, from an e-invoice: exact values, each with confidence 1. The supplier is the
    /// invoice's seller.
    /// </summary>
    /// <param name="invoice">The e-invoice.</param>
    public static ExtractedFields Fields(EInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var c = invoice.Content;
        static ExtractedField? Exact(string? value) => string.IsNullOrWhiteSpace(value) ? null : new ExtractedField(value.Trim(), 1.0);
        static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExtractedFields
        {
            SupplierName = Exact(c.Seller.Name),
            VatNumber = Exact(c.Seller.VatNumber is { } vat ? Validation.VatNumbers.Normalize(vat) : null),
            InvoiceNumber = Exact(c.Number),
            InvoiceDate = Exact(Date(c.IssueDate)),
            DueDate = Exact(c.DueDate is { } due ? Date(due) : null),
            Total = Exact(Amount(invoice.StatedTotal ?? c.Totals.TotalInclVat)),
            VatAmount = Exact(Amount(c.Totals.TotalVat)),
            Iban = Exact(c.Seller.Iban is { } iban ? Validation.Iban.Normalize(iban) : null),
            Currency = Exact(c.Currency),
        };
    }

    /// <summary>A plain-text rendering of an e-invoice, for search and for people reading the inbox.</summary>
    /// <param name="invoice">The e-invoice.</param>
    public static string Text(EInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var c = invoice.Content;
        var text = new StringBuilder();
        text.Append(invoice.IsCreditNote ? "Credit note " : "Invoice ").Append(c.Number).Append('\n');
        text.Append("Issued ").Append(c.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (c.DueDate is { } due)
        {
            text.Append(", due ").Append(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        text.Append("\n\n");
        foreach (var (label, party) in new[] { ("Seller", c.Seller), ("Buyer", c.Buyer) })
        {
            if (party is null)
            {
                continue;
            }

            text.Append(label).Append(": ").Append(party.Name).Append('\n');
            if (party.Address is { } a)
            {
                text.Append(string.Join(", ", new[] { a.Street, $"{a.PostalCode} {a.City}".Trim(), a.Country }.Where(s => !string.IsNullOrWhiteSpace(s)))).Append('\n');
            }

            if (party.VatNumber is { } vat)
            {
                text.Append("VAT ").Append(vat).Append('\n');
            }

            if (party.Iban is { } iban)
            {
                text.Append("IBAN ").Append(iban).Append('\n');
            }

            text.Append('\n');
        }

        foreach (var line in c.Lines)
        {
            text.Append(line.Description).Append(": ")
                .Append(line.Quantity.ToString("0.####", CultureInfo.InvariantCulture)).Append(" × ")
                .Append(line.UnitPrice.ToString("0.00##", CultureInfo.InvariantCulture)).Append(' ').Append(c.Currency)
                .Append(", VAT ").Append(line.VatRate.ToString("0.##", CultureInfo.InvariantCulture)).Append(" %\n");
        }

        text.Append("\nTotal excluding VAT ").Append(c.Totals.TotalExclVat.ToString("0.00", CultureInfo.InvariantCulture))
            .Append("\nVAT ").Append(c.Totals.TotalVat.ToString("0.00", CultureInfo.InvariantCulture))
            .Append("\nTotal ").Append((invoice.StatedTotal ?? c.Totals.TotalInclVat).ToString("0.00", CultureInfo.InvariantCulture)).Append(' ').Append(c.Currency).Append('\n');
        if (c.Note is { } note)
        {
            text.Append('\n').Append(note).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Parses XML safely: no DTD (a document type declaration is refused, so no entity can be declared or fetched),
    /// no resolver, at most <see cref="MaxXmlBytes"/>. Throws <see cref="EInvoiceException"/> with a sentence for a person.
    /// </summary>
    /// <param name="xml">The bytes.</param>
    public static XDocument Load(ReadOnlySpan<byte> xml)
    {
        if (xml.Length > MaxXmlBytes)
        {
            throw new EInvoiceException(ReadOutcome.Corrupt,
                $"The XML file is larger than DocSync reads as an e-invoice ({MaxXmlBytes / (1024 * 1024)} MiB).");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxXmlBytes,
            MaxCharactersFromEntities = 0,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
            CloseInput = true,
        };
        try
        {
            using var stream = new MemoryStream(xml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var document = XDocument.Load(reader, LoadOptions.None);
            return document.Root is null
                ? throw new EInvoiceException(ReadOutcome.Corrupt, "The XML file has no root element.")
                : document;
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new EInvoiceException(ReadOutcome.Corrupt,
                "The XML file declares a document type (DTD); e-invoices never do, and DocSync refuses them (they can reach for other files or expand without end).");
        }
        catch (XmlException e)
        {
            throw new EInvoiceException(ReadOutcome.Corrupt,
                string.Create(CultureInfo.InvariantCulture, $"The XML file is damaged: it is not well-formed (line {e.LineNumber}, position {e.LinePosition})."));
        }
    }

    /// <summary>The e-invoice an XML document is, or <see langword="null"/> when it is neither UBL nor CII.</summary>
    /// <param name="document">A parsed XML document.</param>
    public static EInvoice? FromDocument(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        if (root is null)
        {
            return null;
        }

        if (root.Name == UblNames.Invoice + "Invoice" || root.Name == UblNames.CreditNote + "CreditNote")
        {
            return UblReader.Read(document);
        }

        return root.Name == CiiRoot + "CrossIndustryInvoice" ? CiiReader.Read(document) : null;
    }

    private static bool IsKnownName(EmbeddedFile file) =>
        AttachmentName(file).ToLowerInvariant() is "factur-x.xml" or "zugferd-invoice.xml" or "xrechnung.xml" or "order-x.xml";

    private static string AttachmentName(EmbeddedFile file) =>
        file.FileSpecification?.Length > 0 ? Path.GetFileName(file.FileSpecification) : file.Name ?? "";

    private static string Describe(XName name) =>
        name.NamespaceName.Length == 0 ? $"'{name.LocalName}' in no namespace" : $"'{name.LocalName}' in namespace '{name.NamespaceName}'";
}
