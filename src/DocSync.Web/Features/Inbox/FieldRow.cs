using DocSync.Core.Reading;

namespace DocSync.Web.Features.Inbox;

/// <summary>One field of an inbox item's fields form.</summary>
/// <param name="Name">The field's name in <see cref="FieldsInput"/>, e.g. <c>InvoiceDate</c>.</param>
/// <param name="InputType">The input's type: <c>text</c> or <c>date</c>.</param>
/// <param name="Value">The value shown in the input.</param>
/// <param name="Stored">The field as stored (its confidence), if it has a value.</param>
/// <param name="Error">Why the value sent was refused, if it was.</param>
public sealed record FieldRow(string Name, string InputType, string? Value, ExtractedField? Stored, string? Error)
{
    /// <summary>Confidence from which a field reads as sure (a label and a checksum or cross-check agreed).</summary>
    public const double HighConfidence = 0.8;

    /// <summary>The text key of the field's label.</summary>
    public string LabelKey => $"inbox.field.{char.ToLowerInvariant(Name[0])}{Name[1..]}";

    /// <summary>The input's id (and the form field is <c>Fields.{Name}</c>).</summary>
    public string Id => $"Fields_{Name}";

    /// <summary>Whether the stored value is one to check: found with a low confidence.</summary>
    public bool IsLow => Stored is { Confidence: < HighConfidence };

    /// <summary>Whether the value is an amount (typed with a decimal point).</summary>
    public bool IsAmount => Name is nameof(FieldsInput.Total) or nameof(FieldsInput.VatAmount);

    /// <summary>The rows of <paramref name="form"/>, each with its stored field and the error for it in <paramref name="errors"/>.</summary>
    /// <param name="form">The values to show.</param>
    /// <param name="stored">The item's stored fields.</param>
    /// <param name="errors">Errors by field name (as in <see cref="FieldsInput"/>).</param>
    public static IReadOnlyList<FieldRow> Of(FieldsInput form, ExtractedFields stored, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(errors);
        FieldRow Row(string name, string? value, ExtractedField? field, string type = "text") =>
            new(name, type, value, string.IsNullOrEmpty(field?.Value) ? null : field, errors.GetValueOrDefault(name));
        return
        [
            Row(nameof(FieldsInput.SupplierName), form.SupplierName, stored.SupplierName),
            Row(nameof(FieldsInput.VatNumber), form.VatNumber, stored.VatNumber),
            Row(nameof(FieldsInput.InvoiceNumber), form.InvoiceNumber, stored.InvoiceNumber),
            Row(nameof(FieldsInput.InvoiceDate), form.InvoiceDate, stored.InvoiceDate, "date"),
            Row(nameof(FieldsInput.DueDate), form.DueDate, stored.DueDate, "date"),
            Row(nameof(FieldsInput.Total), form.Total, stored.Total),
            Row(nameof(FieldsInput.VatAmount), form.VatAmount, stored.VatAmount),
            Row(nameof(FieldsInput.Iban), form.Iban, stored.Iban),
            Row(nameof(FieldsInput.Currency), form.Currency, stored.Currency),
        ];
    }
}
