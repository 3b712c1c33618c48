using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed class TextLanguageTests
{
    [Theory]
    [InlineData("Invoice\nDue date 1 July 2025\nTotal incl. VAT €121.00\nPlease pay within 30 days", "en")]
    [InlineData("Facture\nÉchéance 1 juillet 2025\nTotal TVAC 121,00 €\nMontant à payer", "fr")]
    [InlineData("Factuur\nVervaldatum 1 juli 2025\nTotaal incl. btw € 121,00\nTe betalen binnen 30 dagen", "nl")]
    [InlineData("Facture\nEcheance 1 juillet 2025\nMONTANT TVA", "fr")]
    public void Guess_BusinessText_IsItsLanguage(string text, string expected)
    {
        TextLanguage.Guess(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345 67,89")]
    [InlineData("Total Description Date")]
    public void Guess_NoTellingWords_IsNull(string text)
    {
        TextLanguage.Guess(text).ShouldBeNull();
    }
}
