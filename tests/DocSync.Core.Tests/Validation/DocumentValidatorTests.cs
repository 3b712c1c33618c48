using DocSync.Core.Documents;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Validation;

public sealed class DocumentValidatorTests
{
    [Fact]
    public void Validate_CompleteInvoice_ReturnsNoErrors() =>
        DocumentValidator.Validate(SampleDocuments.Invoice()).ShouldBeEmpty();

    [Fact]
    public void Validate_TotalOffByOneCent_NamesTotalField()
    {
        var invoice = SampleDocuments.Invoice();
        var bad = invoice with { Totals = invoice.Totals with { TotalInclVat = invoice.Totals.TotalInclVat + 0.01m } };

        var error = DocumentValidator.Validate(bad).ShouldHaveSingleItem();

        error.Field.ShouldBe("totals.totalInclVat");
        error.Code.ShouldBe("amount-mismatch");
        error.Message.ShouldContain(invoice.Totals.TotalInclVat.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Validate_BreakdownVatOffByOneCent_NamesBreakdownRow()
    {
        var invoice = SampleDocuments.Invoice();
        var rows = invoice.VatBreakdown.ToList();
        rows[1] = rows[1] with { VatAmount = rows[1].VatAmount - 0.01m };

        var error = DocumentValidator.Validate(invoice with { VatBreakdown = rows }).ShouldHaveSingleItem();

        error.Field.ShouldBe("vatBreakdown[1].vatAmount");
        error.Code.ShouldBe("amount-mismatch");
    }

    [Fact]
    public void Validate_LineNetRoundedDownInsteadOfHalfUp_IsOffByACent()
    {
        // 3 × 12.335 = 37.005 must round to 37.01; a host that truncates to 37.00 is refused.
        var invoice = SampleDocuments.Invoice();
        var rows = invoice.VatBreakdown.Select(r => r.Rate == 6m ? r with { TaxableAmount = 37.00m } : r).ToList();

        DocumentValidator.Validate(invoice with { VatBreakdown = rows })
            .ShouldContain(e => e.Field == "vatBreakdown[0].taxableAmount" && e.Code == "amount-mismatch");
    }

    [Fact]
    public void Validate_BreakdownMissingARateAndInventingAnother_NamesBoth()
    {
        var invoice = SampleDocuments.Invoice();
        var rows = new[] { invoice.VatBreakdown[1], invoice.VatBreakdown[0] with { Rate = 12m } };

        var errors = DocumentValidator.Validate(invoice with { VatBreakdown = rows });

        errors.ShouldContain(e => e.Field == "vatBreakdown[1].rate" && e.Code == "no-such-rate");
        errors.ShouldContain(e => e.Field == "vatBreakdown" && e.Code == "missing-rate");
    }

    [Fact]
    public void Validate_BadVatAndIban_NamesPartyFields()
    {
        var invoice = SampleDocuments.Invoice();
        var bad = invoice with
        {
            Seller = invoice.Seller with { VatNumber = "BE0477472702", Iban = "BE68539007547035" },
            Buyer = invoice.Buyer! with { VatNumber = "FR41303265045" },
        };

        DocumentValidator.Validate(bad).Select(e => (e.Field, e.Code)).ShouldBe(
        [
            ("seller.vatNumber", "vat-number-checksum"),
            ("seller.iban", "iban-checksum"),
            ("buyer.vatNumber", "vat-number-checksum"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Validate_TotalVatOffByOneCentConsistently_NamesBothTotals()
    {
        var invoice = SampleDocuments.Invoice();
        var totals = invoice.Totals with { TotalVat = invoice.Totals.TotalVat - 0.01m, TotalInclVat = invoice.Totals.TotalInclVat - 0.01m };

        DocumentValidator.Validate(invoice with { Totals = totals }).Select(e => e.Field)
            .ShouldBe(["totals.totalVat", "totals.totalInclVat"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_HeaderRulesBroken_NamesEachField()
    {
        var invoice = SampleDocuments.Invoice();
        var bad = invoice with { Number = " ", Currency = "eur", DueDate = invoice.IssueDate.AddDays(-1), Buyer = null };

        DocumentValidator.Validate(bad).Select(e => e.Field).ShouldBe(["number", "currency", "dueDate", "buyer"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_BadLines_NamesLineFields()
    {
        var invoice = SampleDocuments.Invoice();
        var lines = invoice.Lines.ToList();
        lines[0] = lines[0] with { Quantity = 0, VatRate = 121m };
        lines[1] = lines[1] with { Description = "", UnitPrice = 1.00001m };

        DocumentValidator.Validate(invoice with { Lines = lines }).Select(e => e.Field).ShouldBe(
            ["lines[0].quantity", "lines[0].vatRate", "lines[1].description", "lines[1].unitPrice"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_InvoiceWithoutLines_RequiresLines()
    {
        var invoice = DocumentCalculator.Complete(SampleDocuments.Invoice() with { Lines = [] });

        DocumentValidator.Validate(invoice).ShouldHaveSingleItem().Field.ShouldBe("lines");
    }

    [Fact]
    public void Validate_ReceiptWithoutBuyer_IsValid()
    {
        var receipt = SampleDocuments.Invoice() with { Type = DocumentType.Receipt, Buyer = null };

        DocumentValidator.Validate(receipt).ShouldBeEmpty();
    }
}
