using DocSync.Core.Files;
using DocSync.Core.Organizing;

namespace DocSync.Core.Tests.Files;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("report.pdf", "", "", "report.pdf")]
    [InlineData("report.pdf", "REPORT.PDF", "", "report (2).pdf")]
    [InlineData("report.pdf", "report.pdf|report (2).pdf|Report (3).PDF", "", "report (4).pdf")]
    [InlineData("report.pdf", "report.pdf", "restored", "report (restored).pdf")]
    [InlineData("report.pdf", "report.pdf|report (restored).pdf", "restored", "report (restored 2).pdf")]
    [InlineData("Notes", "notes", "restored", "Notes (restored)")]
    [InlineData(".profile", ".PROFILE", "", ".profile (2)")]
    [InlineData("Été.txt", "e\u0301té.txt", "", "Été (2).txt")]
    public void Free_TakenNames_SuffixBeforeExtensionNeverTaken(string name, string taken, string suffix, string expected)
    {
        FileNames.Free(name, taken.Length == 0 ? [] : taken.Split('|'), suffix).ShouldBe(expected);
    }

    [Fact]
    public void Free_LongestName_CutToFitKeepingExtension()
    {
        var name = new string('a', 251) + ".pdf";

        var free = FileNames.Free(name, [name], "restored");

        free.Length.ShouldBeLessThanOrEqualTo(FileRules.MaxNameLength);
        free.ShouldEndWith(" (restored).pdf");
        FileRules.NameError(free).ShouldBeNull();
    }

    [Theory]
    [InlineData("Facture ÉTÉ.PDF", "facture été.pdf")]
    [InlineData("e\u0301", "é")]
    public void Key_FoldsCaseAndComposes(string name, string key) => FileNames.Key(name).ShouldBe(key);
}
