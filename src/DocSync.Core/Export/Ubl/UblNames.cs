using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

/// <summary>The XML namespaces and fixed identifiers of UBL 2.1 as Peppol BIS Billing 3.0 uses them.</summary>
public static class UblNames
{
    /// <summary>The namespace of a UBL 2.1 <c>Invoice</c>.</summary>
    public static readonly XNamespace Invoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    /// <summary>The namespace of a UBL 2.1 <c>CreditNote</c>.</summary>
    public static readonly XNamespace CreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    /// <summary>The namespace of UBL's aggregate components (<c>cac:</c>).</summary>
    public static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /// <summary>The namespace of UBL's basic components (<c>cbc:</c>).</summary>
    public static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>The specification identifier (BT-24) of Peppol BIS Billing 3.0.</summary>
    public const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

    /// <summary>The business process (BT-23): Peppol's billing process 01.</summary>
    public const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /// <summary>UNCL 1001 code of a commercial invoice.</summary>
    public const string InvoiceTypeCode = "380";

    /// <summary>UNCL 1001 code of a credit note.</summary>
    public const string CreditNoteTypeCode = "381";

    /// <summary>UN/ECE Rec. 20 code for "one" (a unit without dimension), used for every line's quantity.</summary>
    public const string UnitCode = "C62";
}
