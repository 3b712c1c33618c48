using DocSync.Core.Reading;

namespace DocSync.Web.Features.Inbox;

/// <summary>The form of an inbox item's fields as read from its file, for a person to check and correct.</summary>
public sealed class FieldsInput
{
    /// <summary>The supplier's name.</summary>
    public string? SupplierName { get; set; }

    /// <summary>The supplier's VAT number.</summary>
    public string? VatNumber { get; set; }

    /// <summary>The invoice number.</summary>
    public string? InvoiceNumber { get; set; }

    /// <summary>The invoice date, yyyy-MM-dd (a date input sends that form).</summary>
    public string? InvoiceDate { get; set; }

    /// <summary>The due date, yyyy-MM-dd.</summary>
    public string? DueDate { get; set; }

    /// <summary>The total including VAT, an invariant decimal such as 1234.56.</summary>
    public string? Total { get; set; }

    /// <summary>The VAT amount, an invariant decimal.</summary>
    public string? VatAmount { get; set; }

    /// <summary>The IBAN to pay to.</summary>
    public string? Iban { get; set; }

    /// <summary>The currency, e.g. EUR.</summary>
    public string? Currency { get; set; }

    /// <summary>The form filled with <paramref name="fields"/>.</summary>
    /// <param name="fields">The item's fields.</param>
    public static FieldsInput From(ExtractedFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new FieldsInput
        {
            SupplierName = fields.SupplierName?.Value,
            VatNumber = fields.VatNumber?.Value,
            InvoiceNumber = fields.InvoiceNumber?.Value,
            InvoiceDate = fields.InvoiceDate?.Value,
            DueDate = fields.DueDate?.Value,
            Total = fields.Total?.Value,
            VatAmount = fields.VatAmount?.Value,
            Iban = fields.Iban?.Value,
            Currency = fields.Currency?.Value,
        };
    }

    /// <summary>The fields the form says; an empty field is cleared.</summary>
    public ExtractedFields ToFields() => new()
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

    private static ExtractedField? Field(string? value) => string.IsNullOrWhiteSpace(value) ? null : new ExtractedField(value, 1.0);
}
