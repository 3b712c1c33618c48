using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>
/// The labels of invoice fields in English, French and Dutch, matched on folded lines (lower-case,
/// no accents). Where two labels start at the same place the one listed first wins, so specific
/// labels come before generic ones and labels to ignore ("VAT number", "Delivery date", "VAT rate")
/// before the fields they look like.
/// </summary>
internal static class FieldLabels
{
    private const string Vat = @"(?:vat|tva|btw|b\.t\.w\.|tax)";

    private static readonly (LabelKind Kind, bool Strong, string Pattern)[] Table =
    [
        // Not fields, though they look like some.
        (LabelKind.Other, true, Vat + @"[\s-]*(?:registration\s*)?(?:number|num(?:ber)?\.?|no\.?|nr\.?|n[°o*º]\.?|id|ident\w*|reg\w*|nummer|identificatienummer|code)"),
        (LabelKind.Other, true, @"(?:n[°o*º]\.?|num(?:ero)?\.?)\s*(?:de\s+)?(?:d'identification\s+)?(?:" + Vat + @"|entreprise|d'entreprise|client|commande|bon\s+de\s+commande|siren|siret)"),
        (LabelKind.Other, true, @"(?:numero|n[°o*º]\.?)\s*d'?\s*(?:entreprise|identification)"),
        (LabelKind.Other, true, @"(?:ondernemings|klant(?:en)?|bestel(?:bon)?|order|referentie|kvk[\s-]?|rekening)(?:nummer|nr\.?)"),
        (LabelKind.Other, true, @"(?:enterprise|company|customer|client|order|purchase\s+order|po|account|reference|kvk|rpr|rpm|siret|siren)\s*(?:number|no\.?|nr\.?|#|n[°o]\.?|id|ref\.?)"),
        (LabelKind.Other, true, @"(?:delivery|order|shipping|service|payment\s+received)\s+date|date\s+(?:de\s+)?(?:livraison|commande|d'execution|de\s+prestation)|(?:leverings|lever|bestel|uitvoerings)datum|datum\s+(?:levering|bestelling)"),
        (LabelKind.Other, true, @"(?:" + Vat + @"[\s-]*(?:rate|tarief|percentage|%)|tax\s+rate|taux\s+(?:de\s+)?(?:la\s+)?" + Vat + @"|" + Vat + @"\s*%)"),
        (LabelKind.Other, true, @"unit\s+price|prix\s+unitaire|eenheidsprijs|page|pagina|iban|bic|swift|tel\.?|phone|fax|e-?mail"),

        // Dates; due dates first, as "te betalen voor" (pay before) would otherwise read as "te betalen" (to pay).
        (LabelKind.DueDate, true, @"due\s+date|date\s+due|payment\s+due(?:\s+date)?|due\s+(?:on|by)|pay(?:able)?\s+(?:by|before)|payment\s+date"),
        (LabelKind.DueDate, true, @"date\s+d'?\s*echeance|date\s+limite(?:\s+de\s+(?:paiement|reglement))?|a\s+payer\s+(?:avant|pour)\s+le|payable\s+(?:avant\s+)?le|echeance"),
        (LabelKind.DueDate, true, @"verval\s*(?:datum|dag)|uiterste\s+betaal(?:datum|dag)|(?:te\s+)?betalen\s+(?:voor|tegen|uiterlijk(?:\s+op)?)|betaaldatum"),
        (LabelKind.InvoiceDate, true, @"invoice\s+date|date\s+of\s+(?:invoice|issue)|issue\s+date|date\s+issued|invoiced\s+on|dated"),
        (LabelKind.InvoiceDate, true, @"date\s+(?:de\s+)?(?:la\s+)?factur(?:e|ation)|date\s+d'?\s*emission|date\s+facture"),
        (LabelKind.InvoiceDate, true, @"factuur\s*datum|datum\s+(?:van\s+(?:de\s+)?)?factuur|datum\s+van\s+uitgifte"),

        // Invoice numbers.
        (LabelKind.InvoiceNumber, true, @"(?:invoice|credit\s*note)\s*(?:number|num\.?|no\.?|nr\.?|n[°o*º]\.?|#|id)"),
        (LabelKind.InvoiceNumber, true, @"(?:n[°o*º]\.?|no\.?|num(?:ero)?\.?)\s*(?:de\s+)?(?:la\s+)?(?:facture|note\s+de\s+credit)"),
        (LabelKind.InvoiceNumber, true, @"(?:facture|note\s+de\s+credit)\s*(?:n[°o*º]\.?|no\.?|num(?:ero)?\.?|#)"),
        (LabelKind.InvoiceNumber, true, @"(?:factuur|creditnota)\s*(?:nummer|nr\.?|no\.?|n[°o]\.?|#)"),

        // Amounts: VAT included, VAT alone, VAT excluded, in that order for "total tva" against "total tvac".
        (LabelKind.Total, true, @"total\s+incl(?:uding|\.)?\s*(?:" + Vat + @")?|total\s+(?:ttc|tvac|tva\s+comprise|taxes\s+comprises|due|payable|amount(?:\s+due)?|to\s+pay)"),
        (LabelKind.Total, true, @"(?:amount|balance|sum)\s+(?:due|payable|to\s+pay)|grand\s+total|invoice\s+total"),
        (LabelKind.Total, true, @"total\s+a\s+payer|net\s+a\s+payer|reste\s+a\s+payer|montant\s+(?:total|a\s+payer|ttc|tvac|du)|solde\s+(?:a\s+payer|du)"),
        (LabelKind.Total, true, @"totaal\s+incl(?:usief|\.)?\s*(?:btw)?|(?:totaal\s+)?te\s+betalen(?:\s+bedrag)?|totaal\s*bedrag|te\s+voldoen|totaal\s+factuur"),
        (LabelKind.VatAmount, true, @"total\s+(?:vat|tax)|(?:vat|tax)\s+(?:amount|total)|total\s+tva|montant\s+(?:de\s+)?(?:la\s+)?tva|tva\s+totale"),
        (LabelKind.VatAmount, true, @"totaal\s+btw|btw[\s-]?bedrag|bedrag\s+btw"),
        (LabelKind.Net, true, @"total\s+excl(?:uding|\.)?\s*(?:" + Vat + @")?|total\s+(?:htva|ht|hors\s+(?:tva|taxes?))|montant\s+(?:htva|ht|hors\s+tva)"),
        (LabelKind.Net, true, @"totaal\s+excl(?:usief|\.)?\s*(?:btw)?|sub[\s-]?total|sous[\s-]total|subtotaal|net\s+amount|total\s+net|taxable\s+amount|base\s+imposable|maatstaf\s+van\s+heffing|excl(?:uding|usief|\.)?\s*" + Vat + "|htva|hors\\s+tva"),

        // Generic labels last.
        (LabelKind.DueDate, false, "due"),
        (LabelKind.InvoiceDate, false, "date|datum"),
        (LabelKind.InvoiceNumber, false, @"number|nummer|numero|no\.|nr\.|n[°º]"),
        (LabelKind.Total, false, "total|totaal"),
        (LabelKind.VatAmount, false, Vat),
    ];

    private static readonly string[] GroupNames = [.. Enumerable.Range(0, Table.Length).Select(i => $"l{i}")];

    private static readonly Regex Labels = new(
        string.Join('|', Table.Select((label, i) => $@"(?<l{i}>(?<![\p{{L}}\p{{N}}]){label.Pattern}(?![\p{{L}}]))")),
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled);

    private static readonly Regex Title = new(
        @"^\s*(?:tax\s+invoice|invoice|facture|factuur|credit\s*note|note\s+de\s+credit|creditnota)(?![\p{L}])",
        RegexOptions.CultureInvariant);

    /// <summary>The labels on line <paramref name="line"/>, left to right.</summary>
    public static IReadOnlyList<LabelHit> Find(ExtractionText text, int line)
    {
        var hits = new List<LabelHit>();
        foreach (Match match in Labels.Matches(text.Folded[line]))
        {
            var index = Enumerable.Range(0, Table.Length).First(i => match.Groups[GroupNames[i]].Success);
            var (kind, strong, _) = Table[index];

            // A generic invoice-number label ("Number", "N°") counts only at the start of a line.
            if (kind == LabelKind.InvoiceNumber && !strong && text.Folded[line][..match.Index].Trim().Length > 0)
            {
                kind = LabelKind.Other;
            }

            hits.Add(new LabelHit(line, match.Index, match.Index + match.Length, kind, strong));
        }

        return hits;
    }

    /// <summary>Where a document title that may be followed by its number ("Invoice F2025-001") ends on the line; -1 when the line has no title.</summary>
    public static int TitleEnd(ExtractionText text, int line)
    {
        var match = Title.Match(text.Folded[line]);
        return match.Success ? match.Index + match.Length : -1;
    }
}
