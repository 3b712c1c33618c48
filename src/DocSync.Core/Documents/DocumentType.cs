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
}
