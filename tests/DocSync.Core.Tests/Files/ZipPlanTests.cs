using DocSync.Core.Files;
using DocSync.Core.Organizing;

namespace DocSync.Core.Tests.Files;

public sealed class ZipPlanTests
{
    private static FolderFileInfo File(string name) => new(Guid.NewGuid(), null, name, "application/pdf", new string('0', 64), 1, DateTimeOffset.UnixEpoch);

    private static IReadOnlyList<string> Plan(params string[] paths) =>
        ZipPlan.Plan(paths.Select(p => new ZipPlan.Item(p.Split('|'), File(p.Split('|')[^1])))).Select(e => e.Name).ToList();

    [Fact]
    public void Plan_SameNameIgnoringCase_Numbered() =>
        Plan("scan.pdf", "SCAN.pdf", "Scan.PDF").ShouldBe(["scan.pdf", "SCAN (2).pdf", "Scan (3).PDF"]);

    [Fact]
    public void Plan_SameNameInDifferentFolders_Kept() =>
        Plan("A|scan.pdf", "B|scan.pdf", "A|Sub|scan.pdf").ShouldBe(["A/scan.pdf", "B/scan.pdf", "A/Sub/scan.pdf"]);

    [Fact]
    public void Plan_FolderNamesIgnoringCase_OneFolderInTheZip() =>
        Plan("Contracts|a.pdf", "contracts|b.pdf").ShouldBe(["Contracts/a.pdf", "Contracts/b.pdf"]);

    [Fact]
    public void Plan_FileAndFolderOfOneName_Told() =>
        Plan("Report", "Report|a.pdf").ShouldBe(["Report", "Report (2)/a.pdf"]);

    [Theory]
    [InlineData("..|..|etc|passwd", "file/file/etc/passwd")]
    [InlineData("../evil.pdf", ".._evil.pdf")]
    [InlineData("a\\b.pdf", "a_b.pdf")]
    [InlineData("/abs.pdf", "_abs.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoice_fdp.exe")]
    [InlineData("tab\there.pdf", "tab_here.pdf")]
    [InlineData("  ", "file")]
    public void Plan_HostileNames_MadeSafe(string path, string expected)
    {
        var name = Plan(path).ShouldHaveSingleItem();

        name.ShouldBe(expected);
        name.Split('/').ShouldAllBe(segment => segment != ".." && segment != "." && segment.Length > 0 && !segment.Contains('\\'));
    }
}
