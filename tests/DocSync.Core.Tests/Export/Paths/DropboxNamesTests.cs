using System.Globalization;
using System.Text;
using DocSync.Core.Export.Paths;

namespace DocSync.Core.Tests.Export.Paths;

public sealed class DropboxNamesTests
{
    [Theory]
    [InlineData("", "_")]
    [InlineData("   ", "_")]
    [InlineData(".", "_")]
    [InlineData("..", "_")]
    [InlineData("...", "_")]
    [InlineData(". .", "_")]
    [InlineData("\u200B", "_")]
    [InlineData("\u3164", "_")]
    public void SanitizeSegment_NothingLeft_IsUnderscore(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Fact]
    public void SanitizeSegment_Null_IsUnderscore() => DropboxNames.SanitizeSegment(null).ShouldBe("_");

    [Theory]
    [InlineData("a/b", "a-b")]
    [InlineData("a\\b", "a-b")]
    [InlineData("ACME/../x", "ACME-..-x")]
    [InlineData("../../etc/passwd", "..-..-etc-passwd")]
    [InlineData("/", "-")]
    [InlineData("F2025/0042", "F2025-0042")]
    public void SanitizeSegment_Separators_BecomeDashSoNoFolderIsAdded(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Theory]
    [InlineData("a\0b", "ab")]
    [InlineData("a\u0001\u001Fb\u007F", "ab")]
    [InlineData("a\u0080\u009Fb", "ab")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("a\u202A\u202B\u202C\u202D\u2066\u2069b", "ab")]
    [InlineData("a\u200Db", "ab")]
    [InlineData("a\u200B\u200C\u2060b", "ab")]
    [InlineData("\uFEFFname", "name")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("a\uFFFEb\uFDD0", "ab")]
    [InlineData("\u3164ACME\u115F", "ACME")]
    public void SanitizeSegment_ControlAndFormatCharacters_AreRemoved(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Theory]
    [InlineData("line\r\nbreak\ttab", "line break tab")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("a\u2028\u2029\u0085b", "a b")]
    [InlineData("a     b", "a b")]
    [InlineData("  name  ", "name")]
    [InlineData("\t name", "name")]
    public void SanitizeSegment_Whitespace_BecomesOneSpaceAndIsTrimmed(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Theory]
    [InlineData("Invoice.", "Invoice")]
    [InlineData("Invoice. . .", "Invoice")]
    [InlineData("ACME S.A.", "ACME S.A")]
    [InlineData("name ", "name")]
    [InlineData(".hidden", ".hidden")]
    [InlineData("..name", "..name")]
    public void SanitizeSegment_TrailingDotsAndSpaces_AreRemovedLeadingDotsKept(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Theory]
    [InlineData("<>:\"|?*", "_______")]
    [InlineData("Q1: report?", "Q1_ report_")]
    [InlineData("\"Dupont\" <sales>", "_Dupont_ _sales_")]
    public void SanitizeSegment_WindowsIllegalCharacters_BecomeUnderscore(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Theory]
    [InlineData("CON", "_CON")]
    [InlineData("con", "_con")]
    [InlineData("Con.pdf", "_Con.pdf")]
    [InlineData("NUL", "_NUL")]
    [InlineData("nul .txt", "_nul .txt")]
    [InlineData("AUX ", "_AUX")]
    [InlineData("PRN.", "_PRN")]
    [InlineData("COM1", "_COM1")]
    [InlineData("com0", "_com0")]
    [InlineData("LPT9.tar.gz", "_LPT9.tar.gz")]
    [InlineData("COM\u00B9", "_COM\u00B9")]
    [InlineData("CONOUT$", "_CONOUT$")]
    public void SanitizeSegment_WindowsDeviceNames_GetUnderscoreInFront(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Theory]
    [InlineData("CONSOLE")]
    [InlineData("CON2")]
    [InlineData("COM10")]
    [InlineData("Aux-files")]
    [InlineData("icon")]
    [InlineData("~notes")]
    [InlineData("desktop.ini.pdf")]
    public void SanitizeSegment_NamesThatOnlyLookReserved_AreKept(string name) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(name);

    [Theory]
    [InlineData("desktop.ini", "_desktop.ini")]
    [InlineData("Thumbs.DB", "_Thumbs.DB")]
    [InlineData("thumbs.db", "_thumbs.db")]
    [InlineData(".DS_Store", "_.DS_Store")]
    [InlineData(".dropbox", "_.dropbox")]
    [InlineData(".Dropbox.Attr", "_.Dropbox.Attr")]
    [InlineData(".dropbox.cache", "_.dropbox.cache")]
    [InlineData("~$Budget.xlsx", "_~$Budget.xlsx")]
    [InlineData(".~lock.offerte.odt#", "_.~lock.offerte.odt#")]
    [InlineData("~WRL0001.tmp", "_~WRL0001.tmp")]
    [InlineData("~x.TMP", "_~x.TMP")]
    public void SanitizeSegment_NamesDropboxDoesNotSync_GetUnderscoreInFront(string name, string expected) =>
        DropboxNames.SanitizeSegment(name).ShouldBe(expected);

    [Fact]
    public void SanitizeSegment_IconWithCarriageReturn_LosesTheControlCharacter() =>
        DropboxNames.SanitizeSegment("Icon\r").ShouldBe("Icon");

    [Theory]
    [InlineData("Cafe\u0301", "Caf\u00E9")]
    [InlineData("Dupre\u0301 & Fils", "Dupr\u00E9 & Fils")]
    [InlineData("A\u030Angstro\u0308m", "\u00C5ngstr\u00F6m")]
    [InlineData("\u212Bngstr\u00F6m", "\u00C5ngstr\u00F6m")]
    [InlineData("S\u0327\u0306", "\u015E\u0306")]
    [InlineData("e\u200D\u0301", "\u00E9")]
    public void SanitizeSegment_DecomposedInput_ComesOutNfc(string name, string expected)
    {
        var sanitized = DropboxNames.SanitizeSegment(name);

        sanitized.ShouldBe(expected);
        sanitized.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    // Lone surrogates cannot travel through xUnit's test-case serialisation, hence no InlineData.
    [Fact]
    public void SanitizeSegment_LoneSurrogates_BecomeUnderscore()
    {
        DropboxNames.SanitizeSegment("\uD800abc").ShouldBe("_abc");
        DropboxNames.SanitizeSegment("abc\uDC00").ShouldBe("abc_");
        DropboxNames.SanitizeSegment("a\uDC00\uD800b").ShouldBe("a__b");
        DropboxNames.SanitizeSegment("\uD83D\uDE00\uD83D").ShouldBe("\U0001F600_");
    }

    [Fact]
    public void SanitizeSegment_LessThanWithCombiningSlash_ComposesBeforeReplacing()
    {
        DropboxNames.SanitizeSegment("a<\u0338b").ShouldBe("a\u226Eb");
        DropboxNames.SanitizeSegment("a\u226Eb").ShouldBe("a\u226Eb");
    }

    [Theory]
    [InlineData(0, 255)]
    [InlineData(4, 251)]
    [InlineData(32, 223)]
    [InlineData(254, 1)]
    public void SanitizeSegment_300Characters_IsCutToTheBudget(int reserve, int expectedLength) =>
        DropboxNames.SanitizeSegment(new string('a', 300), reserve).ShouldBe(new string('a', expectedLength));

    [Fact]
    public void SanitizeSegment_ExactlyAtTheLimit_IsKept() =>
        DropboxNames.SanitizeSegment(new string('x', 255)).Length.ShouldBe(255);

    [Fact]
    public void SanitizeSegment_EmojiNearTheLimit_NeverSplitsASurrogatePair()
    {
        var sanitized = DropboxNames.SanitizeSegment("a" + string.Concat(Enumerable.Repeat("\U0001F600", 200)));

        sanitized.Length.ShouldBe(255);
        sanitized.ShouldBe("a" + string.Concat(Enumerable.Repeat("\U0001F600", 127)));
    }

    [Fact]
    public void SanitizeSegment_FlagsNearTheLimit_KeepsWholeFlags()
    {
        var sanitized = DropboxNames.SanitizeSegment(string.Concat(Enumerable.Repeat("\U0001F1E7\U0001F1EA", 100)));

        sanitized.ShouldBe(string.Concat(Enumerable.Repeat("\U0001F1E7\U0001F1EA", 63)));
    }

    [Fact]
    public void SanitizeSegment_CombiningMarksNearTheLimit_KeepsEachLetterWithItsMarks()
    {
        // 'q' has no precomposed form with these marks, so NFC keeps three code units per letter.
        var sanitized = DropboxNames.SanitizeSegment(string.Concat(Enumerable.Repeat("q\u0301\u0323", 100)), reserve: 4);

        sanitized.ShouldBe(string.Concat(Enumerable.Repeat("q\u0323\u0301", 83)));
        new StringInfo(sanitized).LengthInTextElements.ShouldBe(83);
    }

    [Fact]
    public void SanitizeSegment_EmojiWithSkinToneNearTheLimit_KeepsWholeClusters()
    {
        const string thumb = "\U0001F44D\U0001F3FD";
        var sanitized = DropboxNames.SanitizeSegment(string.Concat(Enumerable.Repeat(thumb, 100)));

        sanitized.ShouldBe(string.Concat(Enumerable.Repeat(thumb, 63)));
    }

    [Fact]
    public void SanitizeSegment_OneLetterUnderHundredsOfMarks_KeepsTheLetterAndTheMarksThatFit()
    {
        var sanitized = DropboxNames.SanitizeSegment("e" + new string('\u0316', 400));

        sanitized.ShouldBe("e" + new string('\u0316', 254));
    }

    [Fact]
    public void SanitizeSegment_CutLeavesATrailingSpace_TrimsIt() =>
        DropboxNames.SanitizeSegment(new string('a', 254) + " bcd").ShouldBe(new string('a', 254));

    [Fact]
    public void SanitizeSegment_CutLeavesADeviceName_PutsUnderscoreInFrontAndStaysInBudget() =>
        DropboxNames.SanitizeSegment("CON " + new string('x', 300), reserve: 251).ShouldBe("_CON");

    [Fact]
    public void SanitizeSegment_LongTemporaryName_KeepsItsUnderscoreWithinTheLimit()
    {
        var sanitized = DropboxNames.SanitizeSegment("~$" + new string('x', 300));

        sanitized.Length.ShouldBe(255);
        sanitized.ShouldStartWith("_~$");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(255)]
    public void SanitizeSegment_ReserveLeavingNoRoom_Throws(int reserve) =>
        Should.Throw<ArgumentOutOfRangeException>(() => DropboxNames.SanitizeSegment("a", reserve));

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("CON")]
    [InlineData("desktop.ini")]
    [InlineData("Cafe\u0301 ")]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("~$x")]
    [InlineData("Caf\u00E9 de l'\u00C9toile SRL")]
    public void SanitizeSegment_AppliedTwice_ChangesNothingMore(string name)
    {
        var once = DropboxNames.SanitizeSegment(name);

        DropboxNames.SanitizeSegment(once).ShouldBe(once);
        DropboxNames.Problem("/" + once).ShouldBeNull();
    }

    [Theory]
    [InlineData("Caf\u00E9", "Cafe\u0301")]
    [InlineData("Facture.pdf", "FACTURE.PDF")]
    [InlineData("/Export/\u00C9T\u00C9/F-1.pdf", "/export/e\u0301te\u0301/f-1.pdf")]
    [InlineData("/Export/SOCI\u00C9T\u00C9", "/export/Socie\u0301te\u0301")]
    [InlineData("\u212Bngstr\u00F6m", "\u00E5ngstro\u0308m")]
    public void Key_NfcNfdAndCaseVariants_AreEqual(string a, string b) =>
        DropboxNames.Key(a).ShouldBe(DropboxNames.Key(b));

    [Theory]
    [InlineData("Facture 1.pdf", "Facture 2.pdf")]
    [InlineData("Cafe", "Caf\u00E9")]
    [InlineData("a b", "a  b")]
    public void Key_DifferentNames_Differ(string a, string b) =>
        DropboxNames.Key(a).ShouldNotBe(DropboxNames.Key(b));

    [Fact]
    public void Key_IsNfcLowerCase() => DropboxNames.Key("/Export/E\u0301TE\u0301").ShouldBe("/export/\u00E9t\u00E9");

    [Fact]
    public void Key_LoneSurrogateOrNoncharacter_DoesNotThrow()
    {
        DropboxNames.Key("a\uD800").ShouldBe("a\uFFFD");
        DropboxNames.Key("a\uFFFE").ShouldBe("a\uFFFD");
    }

    [Fact]
    public void Key_DottedCapitalI_FoldsToI_AsDropboxDoes() =>
        DropboxNames.Key("\u0130STANBUL").ShouldBe(DropboxNames.Key("istanbul"));

    [Theory]
    [InlineData("/Export/2025/Invoices/F-1 ACME.pdf")]
    [InlineData("Export/2025/Invoices/F-1 ACME.pdf")]
    [InlineData("/Caf\u00E9 de l'\u00C9toile/2025/F2025-0042.pdf")]
    [InlineData("/.hidden/  leading spaces are fine/a  b")]
    [InlineData("/_CON/_desktop.ini")]
    public void Problem_AcceptablePath_IsNull(string path) => DropboxNames.Problem(path).ShouldBeNull();

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("/", "root")]
    [InlineData("/a//b.pdf", "empty name")]
    [InlineData("/a/b/", "empty name")]
    [InlineData("/a/../b.pdf", "the folder above")]
    [InlineData("/a/./b.pdf", "the folder above")]
    [InlineData("/a/b\\c.pdf", "'\\'")]
    [InlineData("/a/b<c.pdf", "'<'")]
    [InlineData("/a/Q1: report.pdf", "':'")]
    [InlineData("/a/b\0c.pdf", "U+0000")]
    [InlineData("/a/invoice\u202Efdp.exe", "U+202E")]
    [InlineData("/a/b\u200Dc", "U+200D")]
    [InlineData("/a/name /b.pdf", "ends with a space or a dot")]
    [InlineData("/a/name./b.pdf", "ends with a space or a dot")]
    [InlineData("/a/CON.pdf", "device")]
    [InlineData("/a/lpt1", "device")]
    [InlineData("/a/desktop.ini", "does not sync")]
    [InlineData("/a/Thumbs.DB", "does not sync")]
    [InlineData("/a/~$offerte.docx", "temporary")]
    public void Problem_BadName_SaysWhy(string? path, string reason) =>
        DropboxNames.Problem(path).ShouldNotBeNull().ShouldContain(reason);

    [Fact]
    public void Problem_LoneSurrogate_SaysBrokenCharacter() =>
        DropboxNames.Problem("/a/\uD800.pdf").ShouldNotBeNull().ShouldContain("broken character");

    [Fact]
    public void Problem_InvisibleCharacter_IsSpelledOutNotEchoed()
    {
        var problem = DropboxNames.Problem("/a/invoice\u202Efdp.exe").ShouldNotBeNull();

        problem.ShouldContain("invoice[U+202E]fdp.exe");
        problem.ShouldNotContain("\u202E");
    }

    [Fact]
    public void Problem_NameOver255_SaysHowLong() =>
        DropboxNames.Problem("/a/" + new string('x', 256)).ShouldNotBeNull().ShouldContain("256 characters");

    [Fact]
    public void Problem_PathAtTheLimit_IsNull() =>
        DropboxNames.Problem("/" + new string('x', 200) + "/" + new string('y', 57)).ShouldBeNull();

    [Fact]
    public void Problem_PathOverTheLimit_SaysHowLong() =>
        DropboxNames.Problem("/" + new string('x', 200) + "/" + new string('y', 58))
            .ShouldBe("The path is 260 characters long; Dropbox's Windows app syncs paths of at most 259.");

    [Fact]
    public void Problem_MoreThan300Levels_SaysSo() =>
        DropboxNames.Problem(string.Concat(Enumerable.Repeat("/a", 301))).ShouldNotBeNull().ShouldContain("301 levels");

    [Fact]
    public void Problem_ExactlyTheMaxLevels_IsOnlyTooLong() =>
        DropboxNames.Problem(string.Concat(Enumerable.Repeat("/a", 300))).ShouldNotBeNull().ShouldContain("600 characters");
}
