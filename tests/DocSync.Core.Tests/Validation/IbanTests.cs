using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Validation;

public sealed class IbanTests
{
    [Theory]
    [InlineData("BE68539007547034")]
    [InlineData("BE68 5390 0754 7034")]
    [InlineData("fr1420041010050500013m02606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("DE89370400440532013000")]
    [InlineData("LU280019400644750000")]
    public void Check_ValidIban_ReturnsNull(string iban) => Iban.Check(iban, "seller.iban").ShouldBeNull();

    [Theory]
    [InlineData("BE68539007547035", "iban-checksum")]
    [InlineData("NL91ABNA0417164301", "iban-checksum")]
    [InlineData("BE6853900754703", "iban-length")]
    [InlineData("FR14200410100505000", "iban-length")]
    [InlineData("68539007547034BE", "iban-format")]
    [InlineData("BE68", "iban-format")]
    [InlineData("BE68 5390 0754 703$", "iban-format")]
    public void Check_InvalidIban_NamesFieldAndRule(string iban, string code)
    {
        var error = Iban.Check(iban, "buyer.iban");

        error.ShouldNotBeNull();
        error.Field.ShouldBe("buyer.iban");
        error.Code.ShouldBe(code);
    }
}
