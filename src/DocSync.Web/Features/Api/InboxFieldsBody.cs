using DocSync.Core.Reading;

namespace DocSync.Web.Features.Api;

/// <summary>
/// An inbox item's fields as a person checked them (PUT replaces them all: a field left out or
/// empty is cleared). Values are plain strings; each stored field gets confidence 1.
/// </summary>
/// <param name="SupplierName">The supplier's name, at most 200 characters.</param>
/// <param name="VatNumber">The supplier's VAT number, e.g. BE0477472701.</param>
/// <param name="InvoiceNumber">The invoice number as printed.</param>
/// <param name="InvoiceDate">The invoice date, yyyy-MM-dd.</param>
/// <param name="DueDate">The due date, yyyy-MM-dd.</param>
/// <param name="Total">The total including VAT, an invariant decimal such as 1234.56.</param>
/// <param name="VatAmount">The VAT amount, an invariant decimal such as 214.26.</param>
/// <param name="Iban">The IBAN to pay to.</param>
/// <param name="Currency">The currency, e.g. EUR.</param>
public sealed record InboxFieldsBody(
    string? SupplierName,
    string? VatNumber,
    string? InvoiceNumber,
    string? InvoiceDate,
    string? DueDate,
    string? Total,
    string? VatAmount,
    string? Iban,
    string? Currency)
{
    internal ExtractedFields ToFields() => new()
    {
        SupplierName = Field(SupplierName),
        VatNumber = Field(VatNumber),
        InvoiceNumber = Field(InvoiceNumber),
        InvoiceDate = Field(InvoiceDate),
        DueDate = Field(DueDate),
        Total = Field(Total),
        VatAmount = Field(VatAmount),
        Iban = Field(Iban),
        Currency = Field(Currency),
    };

    private static ExtractedField? Field(string? value) => value is null ? null : new ExtractedField(value, 1.0);
}
