using DocSync.Core.Documents;

namespace DocSync.Core.Export;

/// <summary>The folder names <c>{type}</c> stands for, in the profile's language.</summary>
public static class ExportFolderNames
{
    /// <summary>The languages offered.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "nl", "fr"];

    private static readonly Dictionary<string, string[]> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ["Invoices", "Credit notes", "Quotes", "Orders", "Delivery notes", "Purchase invoices", "Receipts", "Other", "Purchase credit notes"],
        ["nl"] = ["Facturen", "Creditnota's", "Offertes", "Bestelbonnen", "Leveringsbonnen", "Aankoopfacturen", "Kastickets", "Overige", "Aankoopcreditnota's"],
        ["fr"] = ["Factures", "Notes de crédit", "Devis", "Bons de commande", "Bons de livraison", "Factures d'achat", "Tickets de caisse", "Autres", "Notes de crédit d'achat"],
    };

    /// <summary>The folder name of <paramref name="type"/> in <paramref name="language"/> (English when unknown).</summary>
    /// <param name="type">The document type.</param>
    /// <param name="language"><c>en</c>, <c>nl</c> or <c>fr</c>.</param>
    public static string Of(DocumentType type, string language)
    {
        var names = Names.TryGetValue(language, out var found) ? found : Names["en"];
        var index = (int)type - 1;
        return index >= 0 && index < names.Length ? names[index] : names[(int)DocumentType.Other - 1];
    }

    /// <summary>Whether <paramref name="language"/> is offered.</summary>
    /// <param name="language">A language code.</param>
    public static bool IsLanguage(string? language) => language is not null && Names.ContainsKey(language);
}
