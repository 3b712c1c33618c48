namespace DocSync.Core.Reading.EInvoices;

/// <summary>The syntax an e-invoice is written in.</summary>
public enum EInvoiceFormat
{
    /// <summary>OASIS UBL 2.1 (Peppol BIS Billing 3.0).</summary>
    Ubl,

    /// <summary>UN/CEFACT Cross Industry Invoice D16B (Factur-X, ZUGFeRD 2, XRechnung CII).</summary>
    Cii,
}
