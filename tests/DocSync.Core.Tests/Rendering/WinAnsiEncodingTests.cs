using DocSync.Core.Rendering;

namespace DocSync.Core.Tests.Rendering;

public sealed class WinAnsiEncodingTests
{
    [Theory]
    [InlineData("abc", new byte[] { 0x61, 0x62, 0x63 })]
    [InlineData("€ é ë ç ü ß", new byte[] { 0x80, 0x20, 0xE9, 0x20, 0xEB, 0x20, 0xE7, 0x20, 0xFC, 0x20, 0xDF })]
    [InlineData("Œœ“”–—…™Ÿ", new byte[] { 0x8C, 0x9C, 0x93, 0x94, 0x96, 0x97, 0x85, 0x99, 0x9F })]
    [InlineData("e\u0301", new byte[] { 0xE9 })]
    [InlineData("😀中\u0001\u007F\u0090", new byte[] { 0x3F, 0x3F, 0x3F, 0x3F, 0x3F })]
    [InlineData("a\tb\nc", new byte[] { 0x61, 0x20, 0x62, 0x20, 0x63 })]
    [InlineData("1\u202F234\u00A0€", new byte[] { 0x31, 0xA0, 0x32, 0x33, 0x34, 0xA0, 0x80 })]
    [InlineData("soft\u00ADhy\u200Bphen\u2212", new byte[] { 0x73, 0x6F, 0x66, 0x74, 0x68, 0x79, 0x70, 0x68, 0x65, 0x6E, 0x2D })]
    [InlineData("", new byte[0])]
    public void GetBytes_Text_MapsToCodePage1252(string text, byte[] expected)
    {
        WinAnsiEncoding.GetBytes(text).ShouldBe(expected);
    }

    [Fact]
    public void GetBytes_BrokenSurrogates_BecomeQuestionMarks()
    {
        // Not theory data: xUnit's serialization would mangle the lone surrogates before the test sees them.
        WinAnsiEncoding.GetBytes("\ud800x\udc00e\u0301").ShouldBe([0x3F, 0x78, 0x3F, 0xE9]);
    }

    [Fact]
    public void GetBytes_EveryLatin1Letter_KeepsItsCode()
    {
        for (var c = '\u00C0'; c <= '\u00FF'; c++)
        {
            WinAnsiEncoding.GetBytes(c.ToString()).ShouldBe([(byte)c]);
        }
    }
}
