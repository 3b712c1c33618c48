using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>Guesses whether a business document is in English, French or Dutch from words only one of them uses.</summary>
internal static partial class TextLanguage
{
    // Words two of the languages share (total, date, description, client, de, en, incl) are left out.
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string[]>
    {
        ["en"] =
        [
            "invoice", "due", "amount", "vat", "quantity", "qty", "price", "payment", "customer", "supplier", "number", "including",
            "excluding", "bill", "to", "from", "the", "and", "of", "please", "thank", "you", "within", "days", "tax", "rate",
        ],
        ["fr"] =
        [
            "facture", "montant", "echeance", "tva", "prix", "unitaire", "fournisseur", "paiement", "htva", "tvac", "ttc", "numero",
            "quantite", "qte", "et", "le", "la", "les", "des", "du", "pour", "merci", "jours", "taux", "base", "imposable", "payer",
        ],
        ["nl"] =
        [
            "factuur", "totaal", "vervaldatum", "btw", "bedrag", "klant", "leverancier", "omschrijving", "aantal", "betaling", "datum",
            "nummer", "het", "een", "van", "voor", "te", "betalen", "bedankt", "dagen", "tarief", "eenheidsprijs",
        ],
    }.SelectMany(p => p.Value.Select(w => (Word: w, Language: p.Key))).ToFrozenDictionary(p => p.Word, p => p.Language);

    /// <summary><c>en</c>, <c>fr</c> or <c>nl</c>, whichever has the most of its own words in the text; <see langword="null"/> on a tie or none.</summary>
    public static string? Guess(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match word in Word().Matches(ReadText.Fold(text)))
        {
            if (Words.TryGetValue(word.Value, out var language))
            {
                counts[language] = counts.GetValueOrDefault(language) + 1;
            }
        }

        var ranked = counts.OrderByDescending(p => p.Value).ToList();
        return ranked.Count == 0 || (ranked.Count > 1 && ranked[1].Value == ranked[0].Value) ? null : ranked[0].Key;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
