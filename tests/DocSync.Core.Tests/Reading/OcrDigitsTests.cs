using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed class OcrDigitsTests
{
    [Theory]
    [InlineData("Total €2,9l6.6l", "Total €2,916.61")]
    [InlineData("Date O1/06/2025", "Date 01/06/2025")]
    [InlineData("VAT 21% 2l0.00", "VAT 21% 210.00")]
    [InlineData("BE 0477.472.7O1", "BE 0477.472.701")]
    [InlineData("1S,00 EUR", "15,00 EUR")]
    public void FixNumbers_LookalikesInsideNumbers_BecomeDigits(string line, string expected)
    {
        OcrDigits.FixNumbers(line).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Invoice F2025-0001")]
    [InlineData("VAT BE0477472701")]
    [InlineData("IBAN NL91 ABNA 0417 1643 00")]
    [InlineData("Total incl. VAT")]
    [InlineData("Sold 1 item")]
    [InlineData("l0")]
    public void FixNumbers_WordsAndCodes_AreLeftAlone(string line)
    {
        OcrDigits.FixNumbers(line).ShouldBe(line);
    }
}
