using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Export.Ubl;

/// <summary>Documents that cannot be valid Peppol BIS 3.0 get a <see cref="UblException"/> that says why.</summary>
public sealed class UblWriterRefusalTests
{
    [Theory]
    [InlineData(DocumentType.Quote)]
    [InlineData(DocumentType.Order)]
    [InlineData(DocumentType.PurchaseInvoice)]
    [InlineData(DocumentType.Receipt)]
    public void Write_OtherDocumentType_ThrowsNamingTheType(DocumentType type)
    {
        var error = Refused(UblSamples.BelgianInvoice() with { Type = type });

        error.Problems.ShouldHaveSingleItem().ShouldContain($"type {type}");
        error.Message.ShouldContain("only invoices and credit notes");
    }

    [Fact]
    public void Write_NoBuyer_ThrowsNamingTheBuyer()
    {
        var error = Refused(UblSamples.BelgianInvoice() with { Buyer = null });

        error.Problems.ShouldHaveSingleItem().ShouldStartWith("buyer: ");
    }

    [Fact]
    public void Write_TotalsThatDoNotAddUp_ThrowsNamingTheField()
    {
        var content = UblSamples.BelgianInvoice();

        var error = Refused(content with { Totals = content.Totals with { TotalVat = content.Totals.TotalVat + 0.01m } });

        error.Problems.ShouldContain(p => p.StartsWith("totals.totalVat: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SellerWithoutVatNumberOrIdentifier_Throws()
    {
        var error = Refused(UblSamples.NotSubjectToVat());

        error.Problems.ShouldContain(p => p.Contains("BR-CO-26", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.Contains("PEPPOL-EN16931-R020", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SellerWithoutVatNumberChargingVat_Throws()
    {
        var content = UblSamples.BelgianInvoice() with { Seller = UblSamples.BelgianSeller with { VatNumber = null } };

        var error = Refused(content, UblSamples.NonProfitExtras);

        error.Problems.ShouldHaveSingleItem().ShouldBe("seller.vatNumber: a document that charges VAT needs the seller's VAT number (BR-S-02).");
    }

    [Fact]
    public void Write_BuyerWithoutCountry_Throws()
    {
        var content = UblSamples.BelgianInvoice() with { Buyer = UblSamples.BelgianBuyer with { Address = new PostalAddress { City = "Brussel" } } };

        Refused(content).Problems.ShouldHaveSingleItem().ShouldBe("buyer.address.country: Peppol needs the buyer's country (BR-11).");
    }

    [Fact]
    public void Write_UnknownCountryAndCurrency_Throw()
    {
        var content = UblSamples.BelgianInvoice() with { Currency = "EUX", Buyer = UblSamples.BelgianBuyer with { Address = new PostalAddress { Country = "UK" } } };

        var error = Refused(content);

        error.Problems.ShouldContain(p => p.Contains("BR-CL-04", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.Contains("'UK' is not an ISO 3166-1 country code", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_BuyerWithoutAnyPeppolAddress_Throws()
    {
        var content = UblSamples.BelgianInvoice() with { Buyer = UblSamples.BelgianBuyer with { VatNumber = null } };

        Refused(content).Problems.ShouldHaveSingleItem().ShouldContain("PEPPOL-EN16931-R010");
    }

    [Fact]
    public void Write_BuyerVatNumberWithoutPeppolScheme_AsksForTheEndpoint()
    {
        var buyer = UblSamples.FrenchBuyer with { VatNumber = "IT12345678901", Address = new PostalAddress { Country = "IT" } };

        var error = Refused(UblSamples.InvoiceTo(buyer));

        error.Problems.ShouldHaveSingleItem().ShouldContain("cannot derive a Peppol address from a IT VAT number");
        UblWriter.Write(UblSamples.InvoiceTo(buyer), new UblExtras { BuyerEndpoint = new UblIdentifier("0211", "IT12345678901") }).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("1234", "0477472701", "PEPPOL-EN16931-CL008")]
    [InlineData("0208", "0477472702", "PEPPOL-COMMON-R043")]
    [InlineData("BE", "0477472701", "4-digit scheme")]
    public void Write_BadEndpointInExtras_Throws(string scheme, string value, string expected)
    {
        var error = Refused(UblSamples.BelgianInvoice(), new UblExtras { BuyerEndpoint = new UblIdentifier(scheme, value) });

        error.Problems.ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public void Write_InvoiceWithAmountDueButNoDueDateOrTerms_Throws()
    {
        var content = UblSamples.BelgianInvoice() with { DueDate = null, Note = null };

        Refused(content).Problems.ShouldHaveSingleItem().ShouldContain("BR-CO-25");
    }

    [Fact]
    public void Write_BetweenGermanParties_Throws()
    {
        var seller = UblSamples.GermanBuyer with { Name = "Schmidt Leuchten GmbH", VatNumber = "DE811569869" };

        var error = Refused(UblSamples.InvoiceTo(UblSamples.GermanBuyer) with { Seller = seller });

        error.Problems.ShouldHaveSingleItem().ShouldContain("DE-R-002");
    }

    [Fact]
    public void Write_ItalianSeller_Throws()
    {
        var seller = UblSamples.BelgianSeller with { VatNumber = "IT12345678901", Address = new PostalAddress { City = "Milano", Country = "IT" } };

        Refused(UblSamples.BelgianInvoice() with { Seller = seller }).Problems.ShouldContain(p => p.Contains("sellers in IT", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_DutchCreditNoteWithoutInvoiceReference_Throws()
    {
        var content = DocumentCalculator.Complete(UblSamples.DutchInvoice() with { Type = DocumentType.CreditNote });

        Refused(content, UblSamples.DutchExtras).Problems.ShouldHaveSingleItem().ShouldContain("NL-R-001");
        UblWriter.Write(content, UblSamples.DutchExtras with { InvoiceReference = "2025-100" }).ShouldNotBeEmpty();
    }

    [Fact]
    public void Write_DutchSellerWithoutIbanOrFullAddress_Throws()
    {
        var seller = UblSamples.DutchSeller with { Iban = null, Address = UblSamples.DutchSeller.Address! with { Street = null } };

        var error = Refused(UblSamples.DutchInvoice() with { Seller = seller }, UblSamples.DutchExtras with { SellerLegalId = new UblIdentifier("0208", "0477472701") });

        error.Problems.Select(p => p.Split(' ').Last()).ShouldBe(["(NL-R-002).", "(NL-R-003).", "(NL-R-007)."], ignoreOrder: true);
    }

    [Fact]
    public void Write_DescriptionXmlCannotHold_Throws()
    {
        var content = DocumentCalculator.Complete(UblSamples.BelgianInvoice() with
        {
            Lines = [new DocumentLine { Description = "\uFFFF", Quantity = 1, UnitPrice = 1m, VatRate = 21m }],
        });

        Refused(content).Problems.ShouldHaveSingleItem().ShouldStartWith("lines[0].description: ");
    }

    [Fact]
    public void Write_SeveralProblems_AreAllReportedAtOnce()
    {
        var content = UblSamples.BelgianInvoice() with
        {
            DueDate = null,
            Note = null,
            Buyer = UblSamples.BelgianBuyer with { VatNumber = null, Address = null },
        };

        var error = Refused(content);

        error.Problems.Count.ShouldBe(3);
        error.Message.ShouldContain("BR-CO-25");
        error.Message.ShouldContain("BR-11");
        error.Message.ShouldContain("PEPPOL-EN16931-R010");
    }

    private static UblException Refused(DocumentContent content, UblExtras? extras = null) =>
        Should.Throw<UblException>(() => UblWriter.Write(content, extras));
}
