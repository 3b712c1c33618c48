using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed class IbanFinderTests
{
    [Theory]
    [InlineData("IBAN BE68 5390 0754 7034", "BE68539007547034")]
    [InlineData("IBAN: BE68539007547034 BIC: GEBABEBB", "BE68539007547034")]
    [InlineData("IBAN NL91 ABNA 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData("IBAN : FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("IBAN LU28 0019 4006 4475 0000", "LU280019400644750000")]
    [InlineData("IBAN GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]
    public void Extract_ValidIban_IsNormalized(string line, string expected)
    {
        var iban = FieldExtractor.Extract(line).Iban.ShouldNotBeNull();

        iban.Value.ShouldBe(expected);
        iban.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Extract_IbanWithoutLabel_IsTakenWithLessConfidence()
    {
        var iban = FieldExtractor.Extract("Please pay to BE68 5390 0754 7034 within 30 days.").Iban.ShouldNotBeNull();

        iban.Value.ShouldBe("BE68539007547034");
        iban.Confidence.ShouldBeInRange(0.8, 0.89);
    }

    [Theory]
    [InlineData("IBAN BE68 5390 0754 7035")]
    [InlineData("IBAN BE69 5390 0754 7034")]
    [InlineData("IBAN NL91 ABNA 0417 1643 01")]
    [InlineData("IBAN BE68 5390 0754 703")]
    public void Extract_WrongCheckDigitsOrLength_IsNotAnIban(string line)
    {
        FieldExtractor.Extract(line).Iban.ShouldBeNull();
    }

    [Theory]
    [InlineData("IBAN BE68 539O 0754 7O34")]
    [InlineData("IBAN BE6B 5390 0754 7034")]
    [InlineData("IBAN BE68 5390 O754 7034")]
    [InlineData("IBAN BE68 53900754 7034")]
    public void Extract_OcrLookalikesAndSpacing_AreFixed(string line)
    {
        FieldExtractor.Extract(line).Iban!.Value.ShouldBe("BE68539007547034");
    }

    [Fact]
    public void Extract_CustomersIbanAndSuppliersIban_PrefersTheSuppliers()
    {
        var text = """
            Customer:
            Librairie Dupont SARL
            IBAN FR14 2004 1010 0505 0001 3M02 606

            Supplier:
            Atelier Lumière BV
            IBAN BE68 5390 0754 7034
            """;

        FieldExtractor.Extract(text).Iban!.Value.ShouldBe("BE68539007547034");
    }
}
