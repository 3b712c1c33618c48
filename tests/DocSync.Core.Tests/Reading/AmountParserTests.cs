using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u202F234,56", "1234.56")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("1'234.56", "1234.56")]
    [InlineData("12.345.678,90", "12345678.90")]
    [InlineData("0,99", "0.99")]
    [InlineData("500,-", "500.00")]
    [InlineData("1,189,00", "1189.00")]
    public void Parse_WrittenAmount_IsItsValue(string text, string expected)
    {
        AmountParser.Parse(text).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("12,335")]
    [InlineData("1.23.45")]
    [InlineData("1.234,5")]
    [InlineData("12.34,56")]
    [InlineData("1,234 567.00")]
    public void Parse_NotAnAmountWithCents_IsNull(string text)
    {
        AmountParser.Parse(text).ShouldBeNull();
    }

    [Theory]
    [InlineData("Total € 1.815,00", "1815.00", "EUR")]
    [InlineData("Total 1 815,00 €", "1815.00", "EUR")]
    [InlineData("Total EUR 1,815.00", "1815.00", "EUR")]
    [InlineData("Total 1815.00 EUR", "1815.00", "EUR")]
    [InlineData("Total $1,815.00", "1815.00", "USD")]
    [InlineData("Total £12.50", "12.50", "GBP")]
    [InlineData("Total CHF 99.95", "99.95", "CHF")]
    [InlineData("Credit -12,50 €", "-12.50", "EUR")]
    [InlineData("Total 1815,00", "1815.00", null)]
    public void Find_AmountOnALine_IsFoundWithItsCurrency(string line, string expected, string? currency)
    {
        var amount = AmountParser.Find(line).ShouldHaveSingleItem();

        amount.Value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        amount.Currency.ShouldBe(currency);
    }

    [Theory]
    [InlineData("VAT 21%")]
    [InlineData("TVA 5,5 %")]
    [InlineData("Btw 21,00%")]
    [InlineData("Invoice 2025/123 of 2025")]
    [InlineData("Unit price €12.335")]
    [InlineData("BE 0477.472.701")]
    [InlineData("Qty 3")]
    public void Find_RatesNumbersAndCodes_AreNotAmounts(string line)
    {
        AmountParser.Find(line).ShouldBeEmpty();
    }

    [Fact]
    public void Find_SeveralAmounts_AreFoundLeftToRight()
    {
        var amounts = AmountParser.Find("21% 2 378,00 € 499,38 €");

        amounts.Select(a => a.Value).ShouldBe([2378.00m, 499.38m]);
    }
}
