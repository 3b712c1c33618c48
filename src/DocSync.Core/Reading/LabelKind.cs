namespace DocSync.Core.Reading;

/// <summary>What a label in a document's text announces.</summary>
internal enum LabelKind
{
    /// <summary>Something else that must not be taken for one of the others (a VAT number, a delivery date, a VAT rate…).</summary>
    Other,

    InvoiceNumber,
    InvoiceDate,
    DueDate,

    /// <summary>The total to pay, VAT included.</summary>
    Total,

    /// <summary>An amount without VAT: subtotal, total excluding VAT, taxable amount.</summary>
    Net,

    VatAmount,
}
