using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Validation;

public sealed class DocumentCalculatorTests
{
    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.3449", "2.34")]
    [InlineData("1.005", "1.01")]
    public void RoundToCent_Midpoint_RoundsHalfAwayFromZero(string amount, string expected) =>
        DocumentCalculator.RoundToCent(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Breakdown_LinesAtTwoRates_RoundsLinesThenVatPerRate()
    {
        DocumentLine[] lines =
        [
            new() { Description = "a", Quantity = 3, UnitPrice = 0.335m, VatRate = 21m },
            new() { Description = "b", Quantity = 1, UnitPrice = 0.005m, VatRate = 21m },
            new() { Description = "c", Quantity = 2, UnitPrice = 10m, VatRate = 6m },
        ];

        var breakdown = DocumentCalculator.Breakdown(lines);
        var totals = DocumentCalculator.Totals(breakdown);

        // 3 × 0.335 = 1.005 → 1.01; 0.005 → 0.01; base 1.02 × 21 % = 0.2142 → 0.21.
        breakdown.ShouldBe([
            new VatSubtotal { Rate = 6m, TaxableAmount = 20.00m, VatAmount = 1.20m },
            new VatSubtotal { Rate = 21m, TaxableAmount = 1.02m, VatAmount = 0.21m },
        ]);
        totals.ShouldBe(new DocumentTotals { TotalExclVat = 21.02m, TotalVat = 1.41m, TotalInclVat = 22.43m });
    }
}
