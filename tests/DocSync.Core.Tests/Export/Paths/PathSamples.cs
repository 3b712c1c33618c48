using DocSync.Core.Documents;
using DocSync.Core.Export.Paths;

namespace DocSync.Core.Tests.Export.Paths;

/// <summary>Belgian and French sample documents, as the exporter would describe them.</summary>
internal static class PathSamples
{
    /// <summary>A Walloon bakery's sales invoice to a Brussels café, the café's name typed decomposed (NFD).</summary>
    public static ExportPathValues FrenchInvoice() => new()
    {
        Company = "Boulangerie Dupr\u00E9 SRL",
        Type = DocumentType.Invoice,
        TypeLabel = "Factures",
        Number = "F2025/0042",
        IssueDate = new DateOnly(2025, 3, 14),
        Counterparty = "Cafe\u0301 de l'E\u0301toile SRL",
        Seller = "Boulangerie Dupr\u00E9 SRL",
        Buyer = "Cafe\u0301 de l'E\u0301toile SRL",
        Status = DocumentStatus.Sent,
    };

    /// <summary>A Flemish company's purchase invoice from a brewery; the caller left Counterparty out.</summary>
    public static ExportPathValues DutchPurchaseInvoice() => new()
    {
        Company = "Bakkerij Van Damme BV",
        Type = DocumentType.PurchaseInvoice,
        TypeLabel = "Aankoopfacturen",
        Number = "2025-117",
        IssueDate = new DateOnly(2025, 11, 3),
        Seller = "Brouwerij Het Anker NV",
        Buyer = "Bakkerij Van Damme BV",
        Status = DocumentStatus.Paid,
    };
}
