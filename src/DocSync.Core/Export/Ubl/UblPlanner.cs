using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Core.Export.Ubl;

/// <summary>
/// Turns a <see cref="DocumentContent"/> into a <see cref="UblPlan"/>, or throws a <see cref="UblException"/> naming
/// every reason the document cannot be a valid Peppol BIS Billing 3.0 document.
/// </summary>
internal static partial class UblPlanner
{
    private static readonly UblTaxCategory NotSubjectToVat = new("O", null, "VATEX-EU-O", "Not subject to VAT");

    public static UblPlan Plan(DocumentContent content, UblExtras extras)
    {
        if (!UblWriter.Supports(content.Type))
        {
            throw new UblException([$"type: a document of type {content.Type} has no Peppol BIS Billing form; only invoices and credit notes have one."]);
        }

        // The amounts below lean on the document adding up; a document DocSync would refuse never becomes UBL.
        var invalid = DocumentValidator.Validate(content);
        if (invalid.Count > 0)
        {
            throw new UblException([.. invalid.Select(e => $"{e.Field}: {e.Message}")]);
        }

        // DocumentValidator requires a buyer on invoices and credit notes.
        var buyerParty = content.Buyer!;
        var problems = new List<string>();
        var texts = new[] { ("number", content.Number), ("seller.name", content.Seller.Name), ("buyer.name", buyerParty.Name) }
            .Concat(content.Lines.Select((l, i) => ($"lines[{i}].description", l.Description)));
        foreach (var (field, text) in texts.Where(t => UblText.Clean(t.Item2) is null))
        {
            problems.Add($"{field}: '{text}' has no characters an XML document can hold.");
        }

        var isCreditNote = content.Type == DocumentType.CreditNote;
        var sellerVat = VatOf(content.Seller);

        // Without a seller VAT number a document can only be "not subject to VAT" (O), and O forbids VAT numbers
        // anywhere on it (BR-O-02); with one, 0 % is zero rated (Z) unless the caller gives an exemption reason (E).
        var notSubjectToVat = sellerVat is null && content.Lines.All(l => l.VatRate == 0);
        if (sellerVat is null && !notSubjectToVat)
        {
            problems.Add("seller.vatNumber: a document that charges VAT needs the seller's VAT number (BR-S-02).");
        }

        var exemption = UblText.Clean(extras.VatExemptionReason);
        UblTaxCategory CategoryFor(decimal rate) =>
            rate > 0 ? new UblTaxCategory("S", rate, null, null)
            : notSubjectToVat ? NotSubjectToVat
            : exemption is not null ? new UblTaxCategory("E", 0m, null, exemption)
            : new UblTaxCategory("Z", 0m, null, null);

        var lines = Lines(content, isCreditNote, CategoryFor);
        var rows = lines
            .GroupBy(l => l.Category)
            .Select(g =>
            {
                var taxable = g.Sum(l => l.Net);
                return new UblTaxRowPlan(g.Key, taxable, DocumentCalculator.RoundToCent(taxable * (g.Key.Percent ?? 0m) / 100m));
            })
            .OrderBy(r => r.Category.Percent ?? -1m)
            .ThenBy(r => r.Category.Code, StringComparer.Ordinal)
            .ToList();
        var lineTotal = lines.Sum(l => l.Net);
        var taxTotal = rows.Sum(r => r.Tax);
        var payable = lineTotal + taxTotal;

        if (!UblCodeLists.Currencies.Contains(content.Currency))
        {
            problems.Add($"currency: '{content.Currency}' is not an ISO 4217 currency code (BR-CL-04).");
        }

        var paymentTerms = UblText.Clean(extras.PaymentTerms)
            ?? (!isCreditNote && content.DueDate is null && payable > 0 ? UblText.Clean(content.Note) : null);
        if (!isCreditNote && payable > 0 && content.DueDate is null && paymentTerms is null)
        {
            problems.Add("dueDate: an invoice with an amount due needs a due date or payment terms, e.g. in the note (BR-CO-25).");
        }

        var seller = Party("seller", content.Seller, extras.SellerEndpoint, extras.SellerLegalId, writeVat: !notSubjectToVat, problems);
        var buyer = Party("buyer", buyerParty, extras.BuyerEndpoint, extras.BuyerLegalId, writeVat: !notSubjectToVat, problems);
        if (notSubjectToVat && extras.SellerLegalId is null)
        {
            problems.Add("seller: Peppol needs the seller's VAT number or a legal registration identifier (UblExtras.SellerLegalId) (BR-CO-26).");
        }

        var payment = Payment(content, extras);
        NationalRules(content, extras, seller, buyer, payment, isCreditNote ? -payable : payable, problems);
        if (problems.Count > 0 || seller is null || buyer is null)
        {
            throw new UblException(problems);
        }

        var orderReference = UblText.Clean(extras.OrderReference);
        return new UblPlan
        {
            IsCreditNote = isCreditNote,
            Number = UblText.Clean(content.Number)!,
            IssueDate = content.IssueDate,
            DueDate = content.DueDate,
            Currency = content.Currency,
            Note = UblText.Clean(content.Note),
            BuyerReference = UblText.Clean(extras.BuyerReference) ?? (orderReference is null ? UblText.Clean(content.Number) : null),
            OrderReference = orderReference,
            InvoiceReference = UblText.Clean(extras.InvoiceReference),
            Seller = seller,
            Buyer = buyer,
            Payment = payment,
            PaymentTerms = paymentTerms,
            Lines = lines,
            TaxRows = rows,
            LineTotal = lineTotal,
            TaxTotal = taxTotal,
        };
    }

    /// <summary>
    /// The lines with their UBL signs. A credit note whose total is negative (the credit written as negative amounts)
    /// is mirrored, since the type code already says "credit" and Peppol expects a credit note's amounts positive;
    /// a negative unit price moves its sign to the quantity, since a price cannot be negative (BR-27). Both keep
    /// every line net exact: rounding half away from zero is symmetric.
    /// </summary>
    private static List<UblLinePlan> Lines(DocumentContent content, bool isCreditNote, Func<decimal, UblTaxCategory> categoryFor)
    {
        var mirror = isCreditNote
            && (content.Totals.TotalInclVat < 0 || (content.Totals.TotalInclVat == 0 && content.Totals.TotalExclVat < 0));
        var lines = new List<UblLinePlan>(content.Lines.Count);
        foreach (var line in content.Lines)
        {
            var quantity = mirror ? -line.Quantity : line.Quantity;
            var price = line.UnitPrice;
            if (price < 0)
            {
                quantity = -quantity;
                price = -price;
            }

            lines.Add(new UblLinePlan(
                lines.Count + 1,
                UblText.Clean(line.Description)!,
                quantity,
                price,
                DocumentCalculator.RoundToCent(quantity * price),
                categoryFor(line.VatRate)));
        }

        return lines;
    }

    private static UblPaymentPlan? Payment(DocumentContent content, UblExtras extras)
    {
        if (string.IsNullOrWhiteSpace(content.Seller.Iban))
        {
            return null;
        }

        var iban = Iban.Normalize(content.Seller.Iban);
        var code = content.Currency == "EUR" && SepaCountries.Contains(iban[..2]) ? "58" : "30";
        return new UblPaymentPlan(code, iban, UblText.Clean(extras.PaymentReference) ?? UblText.Clean(content.Number));
    }

    private static string? VatOf(Party party) =>
        string.IsNullOrWhiteSpace(party.VatNumber) ? null : VatNumbers.Normalize(party.VatNumber);
}
