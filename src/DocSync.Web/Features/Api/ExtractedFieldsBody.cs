using System.Text.Json.Serialization;
using DocSync.Core.Reading;

namespace DocSync.Web.Features.Api;

/// <summary>
/// The fields of an inbox item, each <c>{value, confidence}</c> (confidence from 0 to 1; 1 when a
/// person set it) or null when unknown. Every field is named, also when null.
/// </summary>
/// <param name="SupplierName">The supplier's name.</param>
/// <param name="VatNumber">The supplier's VAT number, e.g. BE0477472701.</param>
/// <param name="InvoiceNumber">The invoice number as printed.</param>
/// <param name="InvoiceDate">The invoice date, yyyy-MM-dd.</param>
/// <param name="DueDate">The due date, yyyy-MM-dd.</param>
/// <param name="Total">The total including VAT, e.g. 1234.56.</param>
/// <param name="VatAmount">The VAT amount, e.g. 214.26.</param>
/// <param name="Iban">The IBAN to pay to.</param>
/// <param name="Currency">The currency, e.g. EUR.</param>
public sealed record ExtractedFieldsBody(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? SupplierName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? VatNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? InvoiceNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? InvoiceDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? DueDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? VatAmount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? Iban,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ExtractedField? Currency)
{
    internal static ExtractedFieldsBody From(ExtractedFields fields) => new(fields.SupplierName, fields.VatNumber, fields.InvoiceNumber,
        fields.InvoiceDate, fields.DueDate, fields.Total, fields.VatAmount, fields.Iban, fields.Currency);
}
