using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed class VatNumberFinderTests
{
    [Theory]
    [InlineData("VAT BE 0123.456.749", "BE0123456749")]
    [InlineData("VAT: BE0123456749", "BE0123456749")]
    [InlineData("TVA BE 0123 456 749", "BE0123456749")]
    [InlineData("Btw-nr. BE-0123.456.749", "BE0123456749")]
    [InlineData("VAT BE 123.456.749", "BE0123456749")]
    [InlineData("BTW BE1023456797", "BE1023456797")]
    [InlineData("Ondernemingsnummer 0477.472.701", "BE0477472701")]
    [InlineData("N° d'entreprise : 0477 472 701", "BE0477472701")]
    [InlineData("BTW NL123456782B01", "NL123456782B01")]
    [InlineData("Btw-id NL 1234.56.782.B.01", "NL123456782B01")]
    [InlineData("N° TVA intracommunautaire : FR 40 303 265 045", "FR40303265045")]
    [InlineData("TVA FR40303265045", "FR40303265045")]
    [InlineData("USt-IdNr. DE 136 695 976", "DE136695976")]
    [InlineData("TVA LU 26375245", "LU26375245")]
    public void Extract_LabelledValidNumber_IsNormalizedWithHighConfidence(string line, string expected)
    {
        var vat = FieldExtractor.Extract($"ACME\n{line}\n").VatNumber.ShouldNotBeNull();

        vat.Value.ShouldBe(expected);
        vat.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Extract_ValidNumberWithoutLabel_IsTakenWithLessConfidence()
    {
        var vat = FieldExtractor.Extract("ACME BV\nKerkstraat 1\nBE0123456749\n").VatNumber.ShouldNotBeNull();

        vat.Value.ShouldBe("BE0123456749");
        vat.Confidence.ShouldBeInRange(0.8, 0.89);
    }

    [Theory]
    [InlineData("VAT BE 0123.456.748", "BE0123456748")]
    [InlineData("BTW NL123456789B01", "NL123456789B01")]
    [InlineData("TVA FR41303265045", "FR41303265045")]
    public void Extract_WrongCheckDigits_IsOnlyAPatternWithLowConfidence(string line, string expected)
    {
        var vat = FieldExtractor.Extract(line).VatNumber.ShouldNotBeNull();

        vat.Value.ShouldBe(expected);
        vat.Confidence.ShouldBeLessThanOrEqualTo(0.5);
    }

    [Fact]
    public void Extract_InvalidThenValid_PrefersTheValidOne()
    {
        var fields = FieldExtractor.Extract("VAT BE 0123.456.748\nSome text\nVAT BE 0477.472.701\n");

        fields.VatNumber!.Value.ShouldBe("BE0477472701");
    }

    [Theory]
    [InlineData("VAT BE O477.472.7O1")]
    [InlineData("VAT BE 0477.472.7Ol")]
    [InlineData("VAT BE 0477 4I2 701")]
    public void Extract_OcrLookalikesInTheDigits_AreFixedBeforeTheCheck(string line)
    {
        var expected = line.Contains("4I2", StringComparison.Ordinal) ? null : "BE0477472701";

        var vat = FieldExtractor.Extract(line).VatNumber;

        if (expected is null)
        {
            // "4I2" reads 412: a wrong number, so only a pattern.
            vat.ShouldNotBeNull().Confidence.ShouldBeLessThanOrEqualTo(0.5);
        }
        else
        {
            vat.ShouldNotBeNull().Value.ShouldBe(expected);
            vat.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
        }
    }

    [Fact]
    public void Extract_BuyerFirstUnderBillTo_TakesTheSellersNumber()
    {
        var text = """
            Bill to:
            Librairie Dupont SARL
            VAT FR40303265045

            From:
            Atelier Lumière BV
            VAT BE 0477.472.701
            """;

        FieldExtractor.Extract(text).VatNumber!.Value.ShouldBe("BE0477472701");
    }

    [Fact]
    public void Extract_NumberMarkedAsTheCustomers_IsNotTheSuppliers()
    {
        var text = """
            Your VAT number: BE 0477.472.701
            Garage Verhoeven NV
            BTW BE 0123.456.749
            """;

        FieldExtractor.Extract(text).VatNumber!.Value.ShouldBe("BE0123456749");
    }

    [Fact]
    public void Extract_TwoUnmarkedNumbers_TakesTheFirstWithLessConfidence()
    {
        var vat = FieldExtractor.Extract("VAT BE 0477.472.701\n\n\n\nVAT BE 0123.456.749\n").VatNumber.ShouldNotBeNull();

        vat.Value.ShouldBe("BE0477472701");
        vat.Confidence.ShouldBeLessThan(0.9);
    }

    [Fact]
    public void Extract_NumberNextToTheIban_WinsOverAnUnmarkedOne()
    {
        var text = """
            Librairie Dupont SARL
            VAT BE 0123.456.749

            Thank you for your order.

            Atelier Lumière BV - VAT BE 0477.472.701
            IBAN BE68 5390 0754 7034
            """;

        FieldExtractor.Extract(text).VatNumber!.Value.ShouldBe("BE0477472701");
    }

    [Fact]
    public void Extract_OnlyTheCustomersNumber_IsReturnedWithLowConfidence()
    {
        var vat = FieldExtractor.Extract("Customer:\nLibrairie Dupont SARL\nVAT FR40303265045\n").VatNumber.ShouldNotBeNull();

        vat.Confidence.ShouldBeLessThanOrEqualTo(0.3);
    }

    [Theory]
    [InlineData("IBAN BE10 7350 4567 8904")]
    [InlineData("IBAN BE10 7350 4567 8905")]
    [InlineData("Tel +32 9 123 45 67")]
    [InlineData("Invoice F2025-0001 dated 01/06/2025")]
    public void Extract_IbansPhoneNumbersAndReferences_AreNotVatNumbers(string line)
    {
        FieldExtractor.Extract(line).VatNumber.ShouldBeNull();
    }
}
