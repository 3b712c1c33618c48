namespace DocSync.Core.Documents;

/// <summary>The kind of business document.</summary>
public enum DocumentType
{
    /// <summary>A sales invoice.</summary>
    Invoice = 1,

    /// <summary>A credit note cancelling (part of) an invoice.</summary>
    CreditNote = 2,

    /// <summary>A quote (offerte, devis).</summary>
    Quote = 3,

    /// <summary>An order (bestelbon, bon de commande).</summary>
    Order = 4,

    /// <summary>A delivery note (leveringsbon, bon de livraison).</summary>
    DeliveryNote = 5,

    /// <summary>An invoice received from a supplier.</summary>
    PurchaseInvoice = 6,

    /// <summary>A receipt (kasticket, ticket de caisse).</summary>
    Receipt = 7,

    /// <summary>Anything else.</summary>
    Other = 8,

    /// <summary>A credit note received from a supplier.</summary>
    PurchaseCreditNote = 9,
}

/// <summary>What a document type means for who is who on it.</summary>
public static class DocumentTypes
{
    /// <summary>
    /// Whether documents of <paramref name="type"/> come from a supplier (purchase invoices and credit notes,
    /// receipts): the company is their buyer and the other party their seller.
    /// </summary>
    /// <param name="type">The type.</param>
    public static bool IsPurchase(this DocumentType type) =>
        type is DocumentType.PurchaseInvoice or DocumentType.PurchaseCreditNote or DocumentType.Receipt;
}
