using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("03/03/2025", "2025-03-03")]
    [InlineData("3/3/2025", "2025-03-03")]
    [InlineData("13-03-2025", "2025-03-13")]
    [InlineData("13.03.2025", "2025-03-13")]
    [InlineData("13.03.25", "2025-03-13")]
    [InlineData("03/25/2025", "2025-03-25")]
    [InlineData("2025-03-13", "2025-03-13")]
    [InlineData("2025/03/13", "2025-03-13")]
    [InlineData("3 March 2025", "2025-03-03")]
    [InlineData("3rd March 2025", "2025-03-03")]
    [InlineData("3 Mar. 2025", "2025-03-03")]
    [InlineData("March 3, 2025", "2025-03-03")]
    [InlineData("Sept 30, 2025", "2025-09-30")]
    [InlineData("3 mars 2025", "2025-03-03")]
    [InlineData("1er juin 2025", "2025-06-01")]
    [InlineData("1 février 2025", "2025-02-01")]
    [InlineData("15 août 2025", "2025-08-15")]
    [InlineData("3 déc. 2025", "2025-12-03")]
    [InlineData("3 maart 2025", "2025-03-03")]
    [InlineData("3 mrt 2025", "2025-03-03")]
    [InlineData("17 oktober 2025", "2025-10-17")]
    [InlineData("1 mei 2025", "2025-05-01")]
    public void Find_WrittenDate_IsThatDay(string text, string expected)
    {
        DateParser.Find($"Date: {text} ").ShouldHaveSingleItem().Value.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1J une 2025", "2025-06-01")]
    [InlineData("1) uly 2025", "2025-07-01")]
    [InlineData("1 Jume 2025", "2025-06-01")]
    [InlineData("1 juillct 2025", "2025-07-01")]
    [InlineData("1 septernber 2025", "2025-09-01")]
    public void Find_MonthGarbledByOcr_IsStillRead(string text, string expected)
    {
        DateParser.Find(text).ShouldHaveSingleItem().Value.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("31/02/2025")]
    [InlineData("13/13/2025")]
    [InlineData("2025/123")]
    [InlineData("F2025-0001")]
    [InlineData("3 items 2025")]
    [InlineData("1.234,56")]
    [InlineData("03/03/1890")]
    [InlineData("Page 1 2025")]
    public void Find_NotADate_FindsNothing(string text)
    {
        DateParser.Find(text).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("juni")]
    [InlineData("juin")]
    [InlineData("june")]
    [InlineData("JUN.")]
    public void Month_NameInAnyLanguage_IsItsNumber(string name)
    {
        DateParser.Month(name).ShouldBe(6);
    }

    [Fact]
    public void Month_OneEditFromTwoMonths_IsNull()
    {
        // "juli" and "juni" are both one letter away from "jubi".
        DateParser.Month("jubi").ShouldBeNull();
    }
}
