using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Validation;

public sealed class VatNumbersTests
{
    [Theory]
    [InlineData("BE0477472701")]
    [InlineData("BE 0403.170.701")]
    [InlineData("be0417497106")]
    [InlineData("BE477472701")]
    [InlineData("FR40303265045")]
    [InlineData("FR 23 334175221")]
    [InlineData("NL004495445B01")]
    [InlineData("NL000099998B57")]
    [InlineData("DE136695976")]
    [InlineData("DE129273398")]
    [InlineData("LU26375245")]
    [InlineData("LU15027442")]
    [InlineData("ATU13585627")]
    [InlineData("EL094259216")]
    [InlineData("CHE123456789MWST")]
    public void Check_WellFormedNumber_ReturnsNull(string vat) =>
        VatNumbers.Check(vat, "seller.vatNumber").ShouldBeNull();

    [Theory]
    [InlineData("BE0477472702", "vat-number-checksum")]
    [InlineData("BE2477472701", "vat-number-format")]
    [InlineData("BE04774727", "vat-number-format")]
    [InlineData("BE047747270", "vat-number-checksum")]
    [InlineData("FR41303265045", "vat-number-checksum")]
    [InlineData("FR4030326504", "vat-number-format")]
    [InlineData("NL123456789B01", "vat-number-checksum")]
    [InlineData("NL004495445X01", "vat-number-format")]
    [InlineData("DE136695977", "vat-number-checksum")]
    [InlineData("DE13669597", "vat-number-format")]
    [InlineData("LU26375246", "vat-number-checksum")]
    [InlineData("LU2637524", "vat-number-format")]
    [InlineData("AT1", "vat-number-format")]
    [InlineData("0477472701", "vat-number-format")]
    [InlineData("BE-", "vat-number-format")]
    public void Check_MalformedNumber_NamesFieldAndRule(string vat, string code)
    {
        var error = VatNumbers.Check(vat, "buyer.vatNumber");

        error.ShouldNotBeNull();
        error.Field.ShouldBe("buyer.vatNumber");
        error.Code.ShouldBe(code);
    }

    [Fact]
    public void Normalize_SpacesDotsLowerCaseAndOldBelgianForm_GivesCanonicalForm()
    {
        VatNumbers.Normalize("be 0477.472.701").ShouldBe("BE0477472701");
        VatNumbers.Normalize("BE477472701").ShouldBe("BE0477472701");
    }
}
