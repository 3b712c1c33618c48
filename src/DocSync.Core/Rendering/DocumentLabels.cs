using DocSync.Core.Documents;

namespace DocSync.Core.Rendering;

/// <summary>The words a rendered document uses, in one language.</summary>
internal sealed record DocumentLabels
{
    public required string Language { get; init; }

    public required string Number { get; init; }

    public required string IssueDate { get; init; }

    public required string DueDate { get; init; }

    public required string Seller { get; init; }

    public required string Buyer { get; init; }

    public required string Vat { get; init; }

    public required string Description { get; init; }

    public required string Quantity { get; init; }

    public required string UnitPrice { get; init; }

    public required string Amount { get; init; }

    public required string VatRate { get; init; }

    public required string TaxableAmount { get; init; }

    public required string TotalExclVat { get; init; }

    public required string TotalInclVat { get; init; }

    public required string Page { get; init; }

    public required IReadOnlyDictionary<DocumentType, string> Titles { get; init; }

    public required IReadOnlyDictionary<string, string> Countries { get; init; }

    public static DocumentLabels English { get; } = new()
    {
        Language = "en", Number = "Number", IssueDate = "Date", DueDate = "Due date", Seller = "Supplier", Buyer = "Customer",
        Vat = "VAT", Description = "Description", Quantity = "Qty", UnitPrice = "Unit price", Amount = "Amount",
        VatRate = "VAT rate", TaxableAmount = "Taxable amount", TotalExclVat = "Total excl. VAT", TotalInclVat = "Total incl. VAT",
        Page = "Page",
        Titles = Map("Invoice", "Credit note", "Quote", "Order", "Delivery note", "Purchase invoice", "Receipt", "Document", "Purchase credit note"),
        Countries = new Dictionary<string, string>
        {
            ["BE"] = "Belgium", ["NL"] = "The Netherlands", ["FR"] = "France", ["LU"] = "Luxembourg", ["DE"] = "Germany",
        },
    };

    public static DocumentLabels Dutch { get; } = new()
    {
        Language = "nl", Number = "Nummer", IssueDate = "Datum", DueDate = "Vervaldatum", Seller = "Leverancier", Buyer = "Klant",
        Vat = "Btw", Description = "Omschrijving", Quantity = "Aantal", UnitPrice = "Eenheidsprijs", Amount = "Bedrag",
        VatRate = "Btw-tarief", TaxableAmount = "Maatstaf van heffing", TotalExclVat = "Totaal excl. btw", TotalInclVat = "Totaal incl. btw",
        Page = "Pagina",
        Titles = Map("Factuur", "Creditnota", "Offerte", "Bestelbon", "Leveringsbon", "Aankoopfactuur", "Kasticket", "Document", "Aankoopcreditnota"),
        Countries = new Dictionary<string, string>
        {
            ["BE"] = "België", ["NL"] = "Nederland", ["FR"] = "Frankrijk", ["LU"] = "Luxemburg", ["DE"] = "Duitsland",
        },
    };

    public static DocumentLabels French { get; } = new()
    {
        Language = "fr", Number = "Numéro", IssueDate = "Date", DueDate = "Échéance", Seller = "Fournisseur", Buyer = "Client",
        Vat = "TVA", Description = "Description", Quantity = "Qté", UnitPrice = "Prix unitaire", Amount = "Montant",
        VatRate = "Taux de TVA", TaxableAmount = "Base imposable", TotalExclVat = "Total HTVA", TotalInclVat = "Total TVAC",
        Page = "Page",
        Titles = Map("Facture", "Note de crédit", "Devis", "Bon de commande", "Bon de livraison", "Facture d'achat", "Ticket de caisse", "Document", "Note de crédit d'achat"),
        Countries = new Dictionary<string, string>
        {
            ["BE"] = "Belgique", ["NL"] = "Pays-Bas", ["FR"] = "France", ["LU"] = "Luxembourg", ["DE"] = "Allemagne",
        },
    };

    /// <summary>The title for a document type (<c>Document</c> for one DocSync does not know).</summary>
    public string Title(DocumentType type) => Titles.TryGetValue(type, out var title) ? title : Titles[DocumentType.Other];

    /// <summary>A country's name, or its code when it has no name here.</summary>
    public string Country(string code) => Countries.TryGetValue(code, out var name) ? name : code;

    private static Dictionary<DocumentType, string> Map(params string[] titles) =>
        Enum.GetValues<DocumentType>().Zip(titles).ToDictionary(p => p.First, p => p.Second);
}
