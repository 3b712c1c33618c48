using System.Globalization;
using System.Text;
using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;

namespace DocSync.Core.Tests.Export.Ubl;

public sealed class UblWriterFormatTests
{
    [Theory]
    [InlineData("be")]
    [InlineData("cn-negative")]
    [InlineData("many")]
    public void Write_SameInputTwice_GivesTheSameBytes(string sample)
    {
        var (content, extras) = UblWriterTests.Sample(sample);

        var first = UblWriter.Write(content, extras);
        var second = UblWriter.Write(content with { Lines = [.. content.Lines] }, extras);

        second.ShouldBe(first);
    }

    [Theory]
    [InlineData("fr-BE")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("")]
    public void Write_UnderAnyCulture_GivesTheInvariantBytes(string culture)
    {
        var content = UblSamples.RoundingInvoice();
        var expected = UblWriter.Write(content);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            UblWriter.Write(content).ShouldBe(expected);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Encoding.UTF8.GetString(expected).ShouldContain(">0.335<");
    }

    [Fact]
    public void Write_Output_IsUtf8WithoutByteOrderMark()
    {
        var bytes = UblWriter.Write(UblSamples.BelgianInvoice());

        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.ASCII.GetString(bytes, 0, 38).ShouldBe("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        text.ShouldContain("Atelier Lumière &amp; Zonen BV");
        text.ShouldNotContain("\r");
        text.ShouldEndWith("</Invoice>\n");

        // "è" is written as its two UTF-8 bytes, not as a character reference.
        var lumiere = Encoding.UTF8.GetBytes("Lumière");
        bytes.AsSpan().IndexOf(lumiere).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Write_MarkupCharacters_AreEscapedAndReadBackUnchanged()
    {
        var bytes = UblWriter.Write(UblSamples.BelgianInvoice());
        var text = Encoding.UTF8.GetString(bytes);

        text.ShouldContain("<cbc:RegistrationName>Brasserie &lt;De Gouden Leeuw&gt; NV</cbc:RegistrationName>");
        text.ShouldContain("<cbc:Name>Plaatsing &amp; aansluiting (uur)</cbc:Name>");
        text.ShouldContain("<cbc:Name>Renovatiewerken woning &gt; 10 jaar</cbc:Name>");
        var root = UblXml.Parse(bytes).Root!;
        root.All("InvoiceLine").First().Text("Item", "Name").ShouldBe("Hanglamp \"Lumière\" 40 cm <messing>");
        root.Text("AccountingCustomerParty", "Party", "PartyName", "Name").ShouldBe("Brasserie <De Gouden Leeuw> NV");
    }

    [Fact]
    public void Write_ControlCharactersInTheNote_AreLeftOut()
    {
        // The note is the one text field DocumentValidator lets carry control characters; XML 1.0 cannot hold most.
        var content = UblSamples.BelgianInvoice() with { Note = "Regel 1\u0001\u0008\r\nRegel\t2\u001F" };

        var root = UblXml.Write(content).Root!;

        root.Text("Note").ShouldBe("Regel 1\nRegel\t2");
    }

    [Fact]
    public void Write_MissingAddressParts_AreLeftOutRatherThanEmpty()
    {
        var content = UblSamples.InvoiceTo(UblSamples.FrenchBuyer with { Address = new PostalAddress { Country = "FR", Street = "  " } });

        var root = UblXml.Write(content).Root!;

        var address = root.At("AccountingCustomerParty", "Party", "PostalAddress");
        address.Elements().Select(e => e.Name.LocalName).ShouldBe(["Country"]);
        root.Descendants().Where(e => !e.HasElements && string.IsNullOrWhiteSpace(e.Value)).ShouldBeEmpty();
        UblRules.Check(root.Document!).ShouldBeEmpty();
    }
}
