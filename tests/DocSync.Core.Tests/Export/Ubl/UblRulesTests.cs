using System.Xml.Linq;
using DocSync.Core.Export.Ubl;
using static DocSync.Core.Tests.Export.Ubl.UblXml;

namespace DocSync.Core.Tests.Export.Ubl;

/// <summary>The checker catches broken documents: valid writer output, tampered in one place.</summary>
public sealed class UblRulesTests
{
    [Fact]
    public void Check_TaxInclusiveAmountOffByOneCent_ReportsBrCo15AndBrCo16()
    {
        var ids = Tampered(root => root.At("LegalMonetaryTotal", "TaxInclusiveAmount").Value = "2252.35");

        ids.ShouldBe(["BR-CO-15", "BR-CO-16"], ignoreOrder: true);
    }

    [Fact]
    public void Check_PayableAmountChanged_ReportsBrCo16()
    {
        Tampered(root => root.At("LegalMonetaryTotal", "PayableAmount").Value = "2000.00").ShouldBe(["BR-CO-16"]);
    }

    [Fact]
    public void Check_LineTotalChanged_ReportsBrCo10AndBrCo13()
    {
        Tampered(root => root.At("LegalMonetaryTotal", "LineExtensionAmount").Value = "2033.91").ShouldBe(["BR-CO-10", "BR-CO-13"], ignoreOrder: true);
    }

    [Fact]
    public void Check_LineNetChanged_ReportsTheLineTheBreakdownAndTheTotal()
    {
        var ids = Tampered(root => root.All("InvoiceLine").First().At("LineExtensionAmount").Value = "379.00");

        ids.ShouldBe(["PEPPOL-EN16931-R120", "BR-CO-10", "BR-S-08"], ignoreOrder: true);
    }

    [Fact]
    public void Check_TaxTotalChanged_ReportsBrCo14AndBrCo15()
    {
        Tampered(root => root.At("TaxTotal", "TaxAmount").Value = "218.45").ShouldBe(["BR-CO-14", "BR-CO-15"], ignoreOrder: true);
    }

    [Fact]
    public void Check_SubtotalVatChanged_ReportsBrS09AndBrCo14()
    {
        var ids = Tampered(root => root.At("TaxTotal").All("TaxSubtotal").Last().At("TaxAmount").Value = "121.92");

        ids.ShouldBe(["BR-S-09", "BR-CO-14"], ignoreOrder: true);
    }

    [Fact]
    public void Check_ZeroRatedRowWithVat_ReportsBrZ09()
    {
        Tampered(root => root.At("TaxTotal").All("TaxSubtotal").First().At("TaxAmount").Value = "1.00").ShouldContain("BR-Z-09");
    }

    [Fact]
    public void Check_BuyerRemoved_ReportsTheBuyerRules()
    {
        var ids = Tampered(root => root.At("AccountingCustomerParty").Remove());

        ids.ShouldBe(["BR-07", "BR-10", "PEPPOL-EN16931-R010"], ignoreOrder: true);
    }

    [Fact]
    public void Check_BuyerCountryRemoved_ReportsBr11()
    {
        Tampered(root => root.At("AccountingCustomerParty", "Party", "PostalAddress", "Country").Remove()).ShouldBe(["BR-11"]);
    }

    [Fact]
    public void Check_LinesRemoved_ReportsBr16AndTheTotals()
    {
        var ids = Tampered(root => root.Elements(Cac("InvoiceLine")).Remove());

        ids.ShouldContain("BR-16");
        ids.ShouldContain("BR-CO-10");
        ids.ShouldContain("BR-S-08");
    }

    [Fact]
    public void Check_BuyerReferenceRemoved_ReportsR003()
    {
        Tampered(root => root.At("BuyerReference").Remove()).ShouldBe(["PEPPOL-EN16931-R003"]);
    }

    [Fact]
    public void Check_SellerVatAndLegalIdRemoved_ReportsBrS02BrZ02AndBrCo26()
    {
        var ids = Tampered(root =>
        {
            var seller = root.At("AccountingSupplierParty", "Party");
            seller.At("PartyTaxScheme").Remove();
            seller.At("PartyLegalEntity", "CompanyID").Remove();
        });

        ids.ShouldBe(["BR-S-02", "BR-Z-02", "BR-CO-26"], ignoreOrder: true);
    }

    [Fact]
    public void Check_HeaderBroken_ReportsEachHeaderRule()
    {
        var ids = Tampered(root =>
        {
            root.At("CustomizationID").Value = "urn:cen.eu:en16931:2017";
            root.At("ProfileID").Value = "billing";
            root.At("InvoiceTypeCode").Value = "381";
            root.At("IssueDate").Value = "16/06/2025";
            root.At("ID").Remove();
        });

        ids.ShouldBe(["PEPPOL-EN16931-R004", "PEPPOL-EN16931-R007", "PEPPOL-EN16931-P0100", "PEPPOL-EN16931-F001", "BR-02"], ignoreOrder: true);
    }

    [Fact]
    public void Check_NegativePrice_ReportsBr27AndR120()
    {
        Tampered(root => root.All("InvoiceLine").First().At("Price", "PriceAmount").Value = "-189.00")
            .ShouldBe(["BR-27", "PEPPOL-EN16931-R120"], ignoreOrder: true);
    }

    [Fact]
    public void Check_LineWithoutCategory_ReportsBrCo04()
    {
        Tampered(root => root.All("InvoiceLine").First().At("Item", "ClassifiedTaxCategory").Remove()).ShouldContain("BR-CO-04");
    }

    [Fact]
    public void Check_ThreeDecimals_ReportsBrDec()
    {
        var ids = Tampered(root =>
        {
            root.At("LegalMonetaryTotal", "PayableAmount").Value = "2252.340";
            root.At("TaxTotal", "TaxSubtotal", "TaxableAmount").Value = "24.001";
        });

        ids.ShouldContain("BR-DEC-18");
        ids.ShouldContain("BR-DEC-19");
    }

    [Fact]
    public void Check_EmptyElement_ReportsR008()
    {
        Tampered(root => root.At("AccountingCustomerParty", "Party", "PostalAddress", "StreetName").Value = " ").ShouldBe(["PEPPOL-EN16931-R008"]);
    }

    [Fact]
    public void Check_AmountInAnotherCurrency_ReportsR051()
    {
        Tampered(root => root.All("InvoiceLine").Last().At("LineExtensionAmount").SetAttributeValue("currencyID", "USD")).ShouldBe(["PEPPOL-EN16931-R051"]);
    }

    [Fact]
    public void Check_MalformedAmount_ReportsXsdDecimal()
    {
        Tampered(root => root.At("LegalMonetaryTotal", "PayableAmount").Value = "2.252,34").ShouldBe(["XSD-DECIMAL"]);
    }

    [Fact]
    public void Check_BadEnterpriseNumberAndScheme_ReportsR043AndCl008()
    {
        var ids = Tampered(root =>
        {
            root.At("AccountingSupplierParty", "Party", "EndpointID").Value = "0477472702";
            root.At("AccountingCustomerParty", "Party", "EndpointID").SetAttributeValue("schemeID", "BE:VAT");
        });

        ids.ShouldBe(["PEPPOL-COMMON-R043", "PEPPOL-EN16931-CL008"], ignoreOrder: true);
    }

    [Fact]
    public void Check_VatNumberWithoutCountryPrefix_ReportsBrCo09()
    {
        Tampered(root => root.At("AccountingCustomerParty", "Party", "PartyTaxScheme", "CompanyID").Value = "0403170701").ShouldBe(["BR-CO-09"]);
    }

    [Fact]
    public void Check_ZeroRatedRowWithExemptionReason_ReportsBrZ10()
    {
        Tampered(root => root.At("TaxTotal", "TaxSubtotal", "TaxCategory", "Percent").AddAfterSelf(new XElement(Cbc("TaxExemptionReason"), "Vrijgesteld")))
            .ShouldBe(["BR-Z-10"]);
    }

    [Fact]
    public void Check_StandardRateOfZero_ReportsBrS05()
    {
        Tampered(root => root.All("InvoiceLine").First().At("Item", "ClassifiedTaxCategory", "Percent").Value = "0").ShouldContain("BR-S-05");
    }

    [Fact]
    public void Check_BreakdownRowRemoved_ReportsTheMissingCategory()
    {
        var ids = Tampered(root => root.At("TaxTotal").All("TaxSubtotal").First().Remove());

        ids.ShouldBe(["BR-Z-01", "BR-Z-08"], ignoreOrder: true);
    }

    [Fact]
    public void Check_NotSubjectToVatWithAVatNumber_ReportsBrO02()
    {
        var ubl = Write(UblSamples.NotSubjectToVat(), UblSamples.NonProfitExtras);
        ubl.Root!.At("AccountingCustomerParty", "Party", "PostalAddress").AddAfterSelf(
            new XElement(Cac("PartyTaxScheme"), new XElement(Cbc("CompanyID"), "BE0403170701"), new XElement(Cac("TaxScheme"), new XElement(Cbc("ID"), "VAT"))));

        RuleIds(ubl).ShouldBe(["BR-O-02"]);
    }

    [Fact]
    public void Check_CreditNoteLineQuantityChanged_ReportsR120()
    {
        var ubl = Write(UblSamples.NegativeCreditNote());
        ubl.Root!.All("CreditNoteLine").First().At("CreditedQuantity").Value = "2";

        RuleIds(ubl).ShouldBe(["PEPPOL-EN16931-R120"]);
    }

    [Fact]
    public void Check_InvoiceWithoutDueDateOrTerms_ReportsBrCo25()
    {
        Tampered(root => root.At("DueDate").Remove()).ShouldBe(["BR-CO-25"]);
    }

    [Fact]
    public void Check_NotAUblDocument_ReportsTheRoot()
    {
        var violation = UblRules.Check(XDocument.Parse("<Invoice><ID>1</ID></Invoice>")).ShouldHaveSingleItem();

        violation.RuleId.ShouldBe("UBL-ROOT");
    }

    [Fact]
    public void Check_Violation_NamesWhereAndWhat()
    {
        var ubl = Write(UblSamples.BelgianInvoice());
        ubl.Root!.All("InvoiceLine").ElementAt(2).At("Price", "PriceAmount").Value = "-1250.00";

        var violation = UblRules.Check(ubl).First(v => v.RuleId == "BR-27");

        violation.Location.ShouldBe("/Invoice/InvoiceLine[3]/Price/PriceAmount");
        violation.Message.ShouldContain("-1250.00");
    }

    /// <summary>The rule ids reported for the Belgian sample invoice after <paramref name="tamper"/>.</summary>
    private static IReadOnlyList<string> Tampered(Action<XElement> tamper)
    {
        var ubl = Write(UblSamples.BelgianInvoice());
        RuleIds(ubl).ShouldBeEmpty();
        tamper(ubl.Root!);
        return RuleIds(ubl);
    }
}
