using System.Globalization;
using System.Text.RegularExpressions;
using DocSync.Web.Localization;

namespace DocSync.Web.Tests.Localization;

/// <summary>Counts read as a person writes them, in every language: no "1 runs", no "file(s)".</summary>
public sealed partial class PluralTests
{
    private static readonly Texts Words = new();

    [Theory]
    [InlineData("en", 0, "0 documents")]
    [InlineData("en", 1, "1 document")]
    [InlineData("en", 2, "2 documents")]
    [InlineData("nl", 1, "1 document")]
    [InlineData("nl", 3, "3 documenten")]
    [InlineData("fr", 0, "0 document")]
    [InlineData("fr", 1, "1 document")]
    [InlineData("fr", 2, "2 documents")]
    public void Format_PicksTheLanguagesForm(string culture, int count, string expected)
    {
        using var _ = new CultureScope(culture);

        Words.Format("documents.count", count).ShouldBe(expected);
    }

    [Fact]
    public void Format_SeveralCountsInOneSentence_EachAgrees()
    {
        using var _ = new CultureScope("fr");

        Words.Format("collect.run.counts", 1, 1, 1, 0, 0, 2).ShouldBe("1 fichier vu : 1 collecté, 1 ignoré, 0 en échec, 0 en attente, 2 déjà connus.");
        Words.Format("collect.run.counts", 12, 2, 10, 0, 0, 0).ShouldStartWith("12 fichiers vus : 2 collectés, 10 ignorés");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    [InlineData("fr")]
    public void EveryText_NoBracketedPluralAndEveryPluralFormats(string culture)
    {
        using var _ = new CultureScope(culture);
        var failures = new List<string>();
        foreach (var key in Words.Keys(culture))
        {
            var text = Words.Get(culture, key);
            if (Bracketed().IsMatch(text))
            {
                failures.Add($"{key}: {text}");
            }

            if (text.Contains(", plural,", StringComparison.Ordinal))
            {
                foreach (var n in new[] { 0, 1, 2, 21 })
                {
                    try
                    {
                        var formatted = Words.Format(key, n, n, n, n, n, n, n);
                        if (formatted.Contains("plural", StringComparison.Ordinal) || formatted.Contains('{', StringComparison.Ordinal))
                        {
                            failures.Add($"{key} ({n}): {formatted}");
                        }
                    }
                    catch (FormatException e)
                    {
                        failures.Add($"{key}: {e.Message}");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    // "file(s)", "bestand(en)", "ajouté(s)", "connexion(s)".
    [GeneratedRegex(@"\w\((s|en|es|x|e)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Bracketed();

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(string culture)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
