using System.Globalization;
using System.Text.Json;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Organizing;

public sealed partial class InboxService
{
    /// <summary>Most characters of read text kept per item.</summary>
    public const int MaxTextLength = 100_000;

    private static readonly JsonSerializerOptions FieldsJson = new(JsonSerializerDefaults.Web);

    /// <summary>The text read from an item's file (empty when none). Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="itemId">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<string> GetTextAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var text = await db.InboxItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.Text })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("inbox item", itemId);
        return text.Text ?? "";
    }

    /// <summary>
    /// Stores the fields a person checked or corrected (each with confidence 1) and looks for
    /// duplicates again. Needs <see cref="Right.ProcessInbox"/>.
    /// </summary>
    /// <param name="itemId">A pending item.</param>
    /// <param name="fields">The fields as they should read; a <see langword="null"/> field is cleared.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<InboxItemInfo> UpdateFieldsAsync(Guid itemId, ExtractedFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        company.Demand(Right.ProcessInbox);
        var item = await FindPendingAsync(itemId, cancellationToken).ConfigureAwait(false);
        var errors = FieldErrors(fields, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).ToList();
        ThrowIfAny(errors);
        static ExtractedField? Sure(ExtractedField? field) => field is null || string.IsNullOrWhiteSpace(field.Value) ? null : new ExtractedField(field.Value.Trim(), 1.0);
        static ExtractedField? Normalized(ExtractedField? field, Func<string, string> normalize) =>
            Sure(field) is { } sure ? new ExtractedField(normalize(sure.Value), 1.0) : null;
        static ExtractedField? Amount(ExtractedField? field) => Sure(field) is { } sure
            ? new ExtractedField(ParseAmount(sure.Value)!.Value.ToString("0.00", CultureInfo.InvariantCulture), 1.0)
            : null;
        var checkedFields = new ExtractedFields
        {
            SupplierName = Sure(fields.SupplierName),
            VatNumber = Normalized(fields.VatNumber, Validation.VatNumbers.Normalize),
            InvoiceNumber = Sure(fields.InvoiceNumber),
            InvoiceDate = Sure(fields.InvoiceDate),
            DueDate = Sure(fields.DueDate),
            Total = Amount(fields.Total),
            VatAmount = Amount(fields.VatAmount),
            Iban = Normalized(fields.Iban, Validation.Iban.Normalize),
            Currency = Normalized(fields.Currency, c => c.ToUpperInvariant()),
        };
        item.FieldsJson = JsonSerializer.Serialize(checkedFields, FieldsJson);
        item.DuplicateOfItemId = null;
        item.DuplicateOfDocumentId = null;
        await FlagDuplicateAsync(item, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return InboxItemInfo.From(item);
    }

    /// <summary>Stores what reading an unread item's file gave (the background reader); an item read meanwhile is left as it is.</summary>
    /// <param name="itemId">The item.</param>
    /// <param name="reading">What reading gave.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    internal async Task ApplyReadingAsync(Guid itemId, InboxReading reading, CancellationToken cancellationToken)
    {
        var item = await db.InboxItems.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken).ConfigureAwait(false);
        if (item is null || item.ReadState != InboxReadState.NotRead)
        {
            return;
        }
        ApplyReading(item, reading);
        await FlagDuplicateAsync(item, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The fields stored with an item (<see cref="ExtractedFields.None"/> when none).</summary>
    internal static ExtractedFields ReadFields(string? json) =>
        string.IsNullOrEmpty(json) ? ExtractedFields.None : JsonSerializer.Deserialize<ExtractedFields>(json, FieldsJson) ?? ExtractedFields.None;

    // The rules README promises for a person's corrections: dates read and in range, amounts read,
    // VAT number and IBAN pass their checksums, the currency is an ISO 4217 code.
    private static IEnumerable<Validation.ValidationError> FieldErrors(ExtractedFields fields, DateOnly today)
    {
        foreach (var (name, field) in new[] { ("invoiceDate", fields.InvoiceDate), ("dueDate", fields.DueDate) })
        {
            if (string.IsNullOrWhiteSpace(field?.Value))
            {
                continue;
            }

            if (!DateOnly.TryParseExact(field.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                yield return new(name, "date", "A date reads yyyy-mm-dd.");
            }
            else if (Validation.DocumentDates.Check(date, name, today) is { } outOfRange)
            {
                yield return outOfRange;
            }
        }

        if (!string.IsNullOrWhiteSpace(fields.VatNumber?.Value) && fields.VatNumber.Value.Length <= 200
            && Validation.VatNumbers.Check(fields.VatNumber.Value, "vatNumber") is { } vat)
        {
            yield return vat;
        }

        if (!string.IsNullOrWhiteSpace(fields.Iban?.Value) && fields.Iban.Value.Length <= 200
            && Validation.Iban.Check(fields.Iban.Value, "iban") is { } iban)
        {
            yield return iban;
        }

        if (!string.IsNullOrWhiteSpace(fields.Currency?.Value) && fields.Currency.Value.Length <= 200 && !IsCurrency(fields.Currency.Value.Trim()))
        {
            yield return new("currency", "currency-format", "The currency is a 3-letter ISO 4217 code, e.g. EUR.");
        }

        foreach (var (name, field) in new[] { ("total", fields.Total), ("vatAmount", fields.VatAmount) })
        {
            if (field is { Value.Length: > 0 } && !string.IsNullOrWhiteSpace(field.Value) && ParseAmount(field.Value) is null)
            {
                yield return new(name, "amount", "An amount reads like 1234.56 or 1.234,56.");
            }
        }

        foreach (var (name, field) in new[]
                 {
                     ("supplierName", fields.SupplierName), ("vatNumber", fields.VatNumber), ("invoiceNumber", fields.InvoiceNumber),
                     ("iban", fields.Iban), ("currency", fields.Currency),
                 })
        {
            if (field is { Value.Length: > 200 } || (field?.Value.Any(char.IsControl) ?? false))
            {
                yield return new(name, "text", "At most 200 printable characters.");
            }
        }
    }

    private static bool IsCurrency(string value) => value.Length == 3 && value.All(char.IsAsciiLetter);

    private static void ApplyReading(InboxItem item, InboxReading reading)
    {
        var text = reading.Text.Length > MaxTextLength ? reading.Text[..MaxTextLength] : reading.Text;
        item.ReadState = reading.State;
        item.ReadMethod = reading.Method;
        item.Text = text;
        item.Language = reading.Language;
        item.ReadProblem = reading.Problem is { Length: > 1000 } tooLong ? tooLong[..1000] : reading.Problem;
        item.FieldsJson = JsonSerializer.Serialize(reading.Fields, FieldsJson);
        item.SearchKey = SearchText.Fold(item.FileName + " " + text);
    }

    /// <summary>
    /// Flags <paramref name="item"/> when its supplier, invoice number and total match an item received
    /// before it or an existing document (numbers compared by their letters and digits, VAT numbers
    /// without separators, names folded). Flagged, never dropped.
    /// </summary>
    private async Task FlagDuplicateAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var fields = ReadFields(item.FieldsJson);
        item.DuplicateKey = DuplicateKeyOf(fields);
        if (item.DuplicateKey is null)
        {
            return;
        }

        var supplier = SupplierOf(fields);
        var received = item.ReceivedAt;
        var candidates = await db.InboxItems.AsNoTracking()
            .Where(i => i.DuplicateKey == item.DuplicateKey && i.Id != item.Id && i.Status != InboxItemStatus.Rejected && i.ReceivedAt <= received)
            .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).Select(i => new { i.Id, i.ReceivedAt, i.FieldsJson })
            .Take(50).ToListAsync(cancellationToken).ConfigureAwait(false);
        item.DuplicateOfItemId = candidates
            .Where(c => c.ReceivedAt < received || c.Id.CompareTo(item.Id) < 0)
            .FirstOrDefault(c => SameSupplier(supplier, SupplierOf(ReadFields(c.FieldsJson))))?.Id;

        var number = NumberKey(fields.InvoiceNumber!.Value);
        var total = decimal.Parse(fields.Total!.Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        // Documents with this total (newest first), compared by number here: numbers are written many ways.
        var sameTotal = await db.Documents.AsNoTracking()
            .Where(d => d.TotalInclVat == total && d.DeletedAt == null)
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Number, d.SellerName, d.CurrentVersion })
            .Take(1000).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var d in sameTotal.Where(d => NumberKey(d.Number) == number).Take(20))
        {
            var sellerVat = supplier.Vat is null
                ? null
                : await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == d.Id && v.Number == d.CurrentVersion)
                    .Select(v => v.Content.Seller.VatNumber).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (SameSupplier(supplier, (VatKey(sellerVat), Folded(d.SellerName))))
            {
                item.DuplicateOfDocumentId = d.Id;
                break;
            }
        }
    }

    /// <summary>"number|total" with the number's letters and digits only, upper case; <see langword="null"/> without both.</summary>
    internal static string? DuplicateKeyOf(ExtractedFields fields)
    {
        var number = NumberKey(fields.InvoiceNumber?.Value);
        if (number.Length == 0 || fields.Total is null
            || !decimal.TryParse(fields.Total.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var total))
        {
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{number}|{total:0.00}");
    }

    private static (string? Vat, string? Name) SupplierOf(ExtractedFields fields) => (VatKey(fields.VatNumber?.Value), Folded(fields.SupplierName?.Value));

    private static string NumberKey(string? number) => new((number ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string? VatKey(string? vat) => NumberKey(vat) is { Length: > 0 } key ? key : null;

    private static string? Folded(string? name) => SearchText.Fold(name) is { Length: > 0 } folded ? folded : null;

    /// <summary>
    /// Same supplier: equal VAT numbers when both sides have one, else equal (or contained) folded
    /// names when both have one; with nothing to compare on either side it is assumed.
    /// </summary>
    private static bool SameSupplier((string? Vat, string? Name) a, (string? Vat, string? Name) b)
    {
        if (a.Vat is not null && b.Vat is not null)
        {
            return a.Vat == b.Vat;
        }
        if (a.Name is not null && b.Name is not null)
        {
            return a.Name == b.Name || a.Name.Contains(b.Name, StringComparison.Ordinal) || b.Name.Contains(a.Name, StringComparison.Ordinal);
        }
        return (a.Vat is null && a.Name is null) || (b.Vat is null && b.Name is null);
    }

    /// <summary>
    /// An amount as people type it: 1234.56, 12,50, 1.234,56, 1,234.56, 1 234,56, -3; a lone separator
    /// followed by three digits groups thousands. <see langword="null"/> when it is none (1.2.3, ten).
    /// </summary>
    internal static decimal? ParseAmount(string? text)
    {
        var value = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('\'' or '\u00A0' or '\u202F')).ToArray());
        if (value.Length is 0 or > 30)
        {
            return null;
        }
        string? digits = null;
        if (WholeAmount().IsMatch(value))
        {
            digits = value;
        }
        else if (GroupedAmount().Match(value) is { Success: true } grouped
                 && (!grouped.Groups["dec"].Success || grouped.Groups["dec"].Value != grouped.Groups["sep"].Value))
        {
            digits = grouped.Groups["sign"].Value + grouped.Groups["int"].Value.Replace(grouped.Groups["sep"].Value, "", StringComparison.Ordinal)
                     + (grouped.Groups["frac"].Success ? "." + grouped.Groups["frac"].Value : "");
        }
        else if (DecimalAmount().Match(value) is { Success: true } plain)
        {
            digits = plain.Groups["int"].Value + "." + plain.Groups["frac"].Value;
        }
        return digits is not null && decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?\d+$")]
    private static partial System.Text.RegularExpressions.Regex WholeAmount();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<sign>-?)(?<int>(?!0[.,])\d{1,3}(?:(?<sep>[.,])\d{3})(?:\k<sep>\d{3})*)(?:(?<dec>[.,])(?<frac>\d{1,2}))?$")]
    private static partial System.Text.RegularExpressions.Regex GroupedAmount();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<int>-?\d+)[.,](?<frac>\d{1,2})$")]
    private static partial System.Text.RegularExpressions.Regex DecimalAmount();
}
