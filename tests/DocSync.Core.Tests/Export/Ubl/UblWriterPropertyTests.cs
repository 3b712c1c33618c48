using System.Globalization;
using DocSync.Core.Export.Ubl;

namespace DocSync.Core.Tests.Export.Ubl;

public sealed class UblWriterPropertyTests
{
    private const int FirstSeed = 20250616;

    [Fact]
    public void Write_FiveHundredRandomDocuments_BreakNoRuleAndKeepTheirTotals()
    {
        for (var seed = FirstSeed; seed < FirstSeed + 500; seed++)
        {
            var (content, extras) = UblSamples.Random(seed);

            var bytes = UblWriter.Write(content, extras);

            var root = UblXml.Parse(bytes).Root!;
            var violations = UblRules.Check(root.Document!);
            violations.ShouldBeEmpty($"seed {seed}:\n{UblXml.Describe(violations)}");
            var payable = decimal.Parse(root.Text("LegalMonetaryTotal", "PayableAmount"), CultureInfo.InvariantCulture);
            Math.Abs(payable).ShouldBe(Math.Abs(content.Totals.TotalInclVat), $"seed {seed}");
            root.Elements().Count(e => e.Name.LocalName.EndsWith("Line", StringComparison.Ordinal)).ShouldBe(content.Lines.Count, $"seed {seed}");
            UblWriter.Write(content, extras).ShouldBe(bytes, $"seed {seed}");
        }
    }
}
