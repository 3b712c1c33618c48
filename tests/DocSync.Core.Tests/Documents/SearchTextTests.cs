using DocSync.Core.Documents;

namespace DocSync.Core.Tests.Documents;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("ÉCOLE Saint-Géry", "ecole saint-gery")]
    [InlineData("  Brasserie   Van\tDamme ", "brasserie van damme")]
    [InlineData("Ĳzerhandel Œuvre", "ijzerhandel œuvre")]
    [InlineData("Ｆ２０２６", "f2026")]
    [InlineData("", "")]
    public void Fold_Text_LowerCaseWithoutAccents(string text, string expected) => SearchText.Fold(text).ShouldBe(expected);
}
