using DocSync.Core.Documents;
using DocSync.Core.Export.Paths;

namespace DocSync.Core.Tests.Export.Paths;

public sealed class ExportPathPresetsTests
{
    [Fact]
    public void All_ListsTheThreePresetsWithUniqueKeys()
    {
        ExportPathPresets.All.Select(p => p.Template)
            .ShouldBe([ExportPathPresets.ByYearThenType, ExportPathPresets.ByTypeThenYear, ExportPathPresets.ByCounterparty]);
        ExportPathPresets.All.Select(p => p.Key).ShouldBeUnique();
    }

    [Fact]
    public void All_EveryPresetParses()
    {
        foreach (var (_, template) in ExportPathPresets.All)
        {
            ExportPathTemplate.Parse(template).SegmentCount.ShouldBe(3);
        }
    }

    [Theory]
    [InlineData(ExportPathPresets.ByYearThenType, "2025/Factures/F2025-0042 Caf\u00E9 de l'\u00C9toile SRL")]
    [InlineData(ExportPathPresets.ByTypeThenYear, "Factures/2025/F2025-0042 Caf\u00E9 de l'\u00C9toile SRL")]
    [InlineData(ExportPathPresets.ByCounterparty, "Caf\u00E9 de l'\u00C9toile SRL/2025/F2025-0042")]
    public void Render_FrenchSalesInvoice_ComposesAccentsAndKeepsTheNumberInOneName(string preset, string expected) =>
        ExportPathTemplate.Parse(preset).Render(PathSamples.FrenchInvoice()).ShouldBe(expected);

    [Theory]
    [InlineData(ExportPathPresets.ByYearThenType, "2025/Aankoopfacturen/2025-117 Brouwerij Het Anker NV")]
    [InlineData(ExportPathPresets.ByTypeThenYear, "Aankoopfacturen/2025/2025-117 Brouwerij Het Anker NV")]
    [InlineData(ExportPathPresets.ByCounterparty, "Brouwerij Het Anker NV/2025/2025-117")]
    public void Render_DutchPurchaseInvoiceWithoutCounterparty_FilesUnderTheSupplier(string preset, string expected) =>
        ExportPathTemplate.Parse(preset).Render(PathSamples.DutchPurchaseInvoice()).ShouldBe(expected);

    [Theory]
    [InlineData(ExportPathPresets.ByYearThenType, "2024/Notes de cr\u00E9dit/NC-7 Soci\u00E9t\u00E9 G\u00E9n\u00E9rale d'\u00C9lectricit\u00E9 S.A")]
    [InlineData(ExportPathPresets.ByCounterparty, "Soci\u00E9t\u00E9 G\u00E9n\u00E9rale d'\u00C9lectricit\u00E9 S.A/2024/NC-7")]
    public void Render_FrenchCreditNoteEndingInADot_DropsTheDot(string preset, string expected)
    {
        var values = PathSamples.FrenchInvoice() with
        {
            Type = DocumentType.CreditNote,
            TypeLabel = "Notes de cr\u00E9dit",
            Number = "NC-7",
            IssueDate = new DateOnly(2024, 12, 31),
            Counterparty = "Socie\u0301te\u0301 Ge\u0301ne\u0301rale d'E\u0301lectricite\u0301 S.A.",
        };

        var path = ExportPathTemplate.Parse(preset).Render(values);

        path.ShouldBe(expected);
        DropboxNames.Problem("/Export/" + path + ".pdf").ShouldBeNull();
    }
}
