using DocSync.Core.Documents;
using DocSync.Core.Export.Paths;

namespace DocSync.Core.Tests.Export.Paths;

public sealed class ExportPathTemplateTests
{
    [Theory]
    [InlineData("", "template-empty", "empty")]
    [InlineData("   ", "template-empty", "empty")]
    [InlineData("/{year}/{number}", "template-absolute", "remove the leading '/'")]
    [InlineData(" /{number}", "template-absolute", "remove the leading '/'")]
    [InlineData("C:/{number}", "template-absolute", "drive ('C:')")]
    [InlineData("{year}\\{number}", "template-backslash", "Separate folders with '/'")]
    [InlineData("{year}//{number}", "template-empty-folder", "empty folder name")]
    [InlineData("{year}/ /{number}", "template-empty-folder", "empty folder name")]
    [InlineData("{year}/../{number}", "template-dot-folder", "'..'")]
    [InlineData("./{number}", "template-dot-folder", "'.'")]
    [InlineData("{year}/.../{number}", "template-dot-folder", "'...'")]
    [InlineData("{year/{number}", "template-unbalanced-braces", "'{' at character 1")]
    [InlineData("{year}/{number", "template-unbalanced-braces", "'{' at character 8")]
    [InlineData("{year}}/{number}", "template-unbalanced-braces", "'}' at character 7")]
    [InlineData("year}/{number}", "template-unbalanced-braces", "'}' at character 5")]
    [InlineData("{{year}}/{number}", "template-unbalanced-braces", "'{' at character 1")]
    [InlineData("{}/{number}", "template-empty-placeholder", "'{}' at character 1")]
    [InlineData("{foo}/{number}", "template-unknown-placeholder", "{foo} is not a placeholder")]
    [InlineData("{year}/{number} {client}", "template-unknown-placeholder", "{client} is not a placeholder")]
    [InlineData("{number}/{year}", "template-number-missing", "must contain {number}")]
    [InlineData("{year}/{type}", "template-number-missing", "must contain {number}")]
    [InlineData("{number}/", "template-number-missing", "must contain {number}")]
    public void Parse_BadLayout_ThrowsWithCodeAndMessage(string text, string code, string message)
    {
        var error = Should.Throw<ExportTemplateException>(() => ExportPathTemplate.Parse(text));

        error.Code.ShouldBe(code);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Parse_UnknownPlaceholder_ListsTheKnownOnes() =>
        Should.Throw<ExportTemplateException>(() => ExportPathTemplate.Parse("{foo}/{number}")).Message.ShouldBe(
            "{foo} is not a placeholder. Use one of {company}, {year}, {month}, {quarter}, {date}, {type}, {number}, {counterparty}, {seller}, {buyer}, {status}.");

    [Fact]
    public void Parse_TooLong_Throws() =>
        Should.Throw<ExportTemplateException>(() => ExportPathTemplate.Parse(new string('a', 500) + "{number}"))
            .Code.ShouldBe("template-too-long");

    [Fact]
    public void Parse_CaseAndSpacesInPlaceholders_AreAccepted()
    {
        var template = ExportPathTemplate.Parse("{Year}/{ TYPE }/{number} {counterparty} {year}");

        template.Text.ShouldBe("{Year}/{ TYPE }/{number} {counterparty} {year}");
        template.Placeholders.ShouldBe(["year", "type", "number", "counterparty"]);
        template.SegmentCount.ShouldBe(3);
        template.ToString().ShouldBe(template.Text);
    }

    [Fact]
    public void TryParse_Valid_ReturnsTemplate()
    {
        ExportPathTemplate.TryParse("{number}", out var template, out var error).ShouldBeTrue();

        template.ShouldNotBeNull().Placeholders.ShouldBe(["number"]);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{year}")]
    public void TryParse_Invalid_ReturnsMessage(string? text)
    {
        ExportPathTemplate.TryParse(text, out var template, out var error).ShouldBeFalse();

        template.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Render_HostileCounterparty_StaysOneSegment()
    {
        var values = PathSamples.FrenchInvoice() with { Counterparty = "ACME/../x" };

        ExportPathTemplate.Parse("{year}/{type}/{number} {counterparty}").Render(values)
            .ShouldBe("2025/Factures/F2025-0042 ACME-..-x");
    }

    [Theory]
    [InlineData("..", "_")]
    [InlineData("CON", "_CON")]
    [InlineData("../../..", "..-..-")]
    [InlineData("a\0b\u202E", "ab")]
    public void Render_HostileFolderValue_BecomesOneSafeFolder(string counterparty, string folder)
    {
        var values = PathSamples.FrenchInvoice() with { Counterparty = counterparty };

        ExportPathTemplate.Parse("{counterparty}/{number}").Render(values).ShouldBe(folder + "/F2025-0042");
    }

    [Fact]
    public void Render_ValueLookingLikeAPlaceholder_IsNotExpanded()
    {
        var values = PathSamples.FrenchInvoice() with { Counterparty = "{year}" };

        ExportPathTemplate.Parse("{counterparty}/{number}").Render(values).ShouldBe("{year}/F2025-0042");
    }

    [Fact]
    public void Render_LiteralText_IsKeptAndSanitised() =>
        ExportPathTemplate.Parse("Docs: {year}/Export {type}/N\u00B0 {number}.").Render(PathSamples.FrenchInvoice())
            .ShouldBe("Docs_ 2025/Export Factures/N\u00B0 F2025-0042");

    [Theory]
    [InlineData(1, "2025-01 Q1 2025-01-31")]
    [InlineData(3, "2025-03 Q1 2025-03-31")]
    [InlineData(4, "2025-04 Q2 2025-04-30")]
    [InlineData(9, "2025-09 Q3 2025-09-30")]
    [InlineData(10, "2025-10 Q4 2025-10-31")]
    [InlineData(12, "2025-12 Q4 2025-12-31")]
    public void Render_DatePlaceholders_UseTheIssueDate(int month, string expected)
    {
        var values = PathSamples.FrenchInvoice() with { IssueDate = new DateOnly(2025, month, DateTime.DaysInMonth(2025, month)) };

        ExportPathTemplate.Parse("{year}-{month} {quarter} {date}/{number}").Render(values).ShouldBe(expected + "/F2025-0042");
    }

    [Fact]
    public void Render_EarlyYear_HasFourDigits() =>
        ExportPathTemplate.Parse("{year}/{number}").Render(PathSamples.FrenchInvoice() with { IssueDate = new DateOnly(987, 6, 1) })
            .ShouldBe("0987/F2025-0042");

    [Fact]
    public void Render_PartyPlaceholders_UseTheirValues() =>
        ExportPathTemplate.Parse("{company}/{seller}/{buyer}/{number}").Render(PathSamples.DutchPurchaseInvoice())
            .ShouldBe("Bakkerij Van Damme BV/Brouwerij Het Anker NV/Bakkerij Van Damme BV/2025-117");

    [Theory]
    [InlineData(DocumentType.PurchaseInvoice, "Seller NV")]
    [InlineData(DocumentType.Receipt, "Seller NV")]
    [InlineData(DocumentType.Invoice, "Buyer SA")]
    [InlineData(DocumentType.CreditNote, "Buyer SA")]
    [InlineData(DocumentType.Quote, "Buyer SA")]
    public void Render_NoCounterparty_FallsBackToTheOtherSide(DocumentType type, string expected)
    {
        var values = PathSamples.FrenchInvoice() with { Type = type, Counterparty = "  ", Seller = "Seller NV", Buyer = "Buyer SA" };

        ExportPathTemplate.Parse("{counterparty}/{number}").Render(values).ShouldBe(expected + "/F2025-0042");
    }

    [Fact]
    public void Render_SaleWithoutAnyBuyer_KeepsTheFolderAsUnderscore()
    {
        var values = PathSamples.FrenchInvoice() with { Counterparty = null, Buyer = null };

        ExportPathTemplate.Parse("{counterparty}/{year}/{number} {buyer}").Render(values).ShouldBe("_/2025/F2025-0042");
    }

    [Fact]
    public void Render_Status_UsesTheLabelElseTheEnglishName()
    {
        var template = ExportPathTemplate.Parse("{status}/{number}");
        var values = PathSamples.FrenchInvoice() with { Status = DocumentStatus.Paid };

        template.Render(values).ShouldBe("Paid/F2025-0042");
        template.Render(values with { StatusLabel = "Paye\u0301e" }).ShouldBe("Pay\u00E9e/F2025-0042");
    }

    [Theory]
    [InlineData(ExportPathTemplate.DefaultFileNameReserve)]
    [InlineData(4)]
    [InlineData(0)]
    public void Render_LongFileName_KeepsTheReserveFree(int reserve)
    {
        var values = PathSamples.FrenchInvoice() with { Counterparty = new string('x', 400) };

        var path = ExportPathTemplate.Parse("{year}/{number} {counterparty}").Render(values, reserve);

        path.Split('/')[^1].Length.ShouldBe(DropboxNames.MaxSegmentLength - reserve);
    }

    [Fact]
    public void Render_LongFolderName_UsesTheWholeLimit()
    {
        var values = PathSamples.FrenchInvoice() with { Counterparty = new string('x', 400) };

        ExportPathTemplate.Parse("{counterparty}/{number}").Render(values).Split('/')[0].Length.ShouldBe(255);
    }

    [Fact]
    public void KnownPlaceholders_ListsEleven() =>
        ExportPathTemplate.KnownPlaceholders.ShouldBe(
            ["company", "year", "month", "quarter", "date", "type", "number", "counterparty", "seller", "buyer", "status"]);
}
