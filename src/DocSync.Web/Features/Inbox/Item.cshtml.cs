using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Reading.EInvoices;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Web.Features.Documents;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Inbox;

/// <summary>
/// Processes one inbox item: check the fields read from its file, then turn it into a document (its
/// file becomes the document's file) or reject it.
/// </summary>
[RequireRight(Right.ProcessInbox)]
public sealed class ItemModel(InboxService inbox, BinderService binders, CompanyService companies, DocumentService documents, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The item of the URL.</summary>
    [FromRoute]
    public Guid ItemId { get; set; }

    /// <summary>Whether the fields were just saved.</summary>
    [FromQuery(Name = "fieldsSaved")]
    public bool FieldsSaved { get; set; }

    /// <summary>The item.</summary>
    public InboxItemInfo? Item { get; private set; }

    /// <summary>The text read from the item's file (empty when none).</summary>
    public string Text { get; private set; } = "";

    /// <summary>The fields form, one row per field.</summary>
    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];

    /// <summary>Why the fields sent were refused, by field; empty when they were not.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The document form.</summary>
    [BindProperty]
    public NewDocumentInput Input { get; set; } = new();

    /// <summary>The e-invoice the item's file is or carries, read exactly (with the rules it breaks); null for other files.</summary>
    public EInvoice? EInvoice { get; private set; }

    /// <summary>Shows the item and the forms, the document form preset from what was read.</summary>
    public async Task OnGetAsync()
    {
        await LoadAsync();
        EInvoice = await inbox.ReadEInvoiceAsync(ItemId, HttpContext.RequestAborted);
        await PresetAsync();
    }

    /// <summary>Stores the fields as the person corrected them.</summary>
    /// <param name="fields">The fields form.</param>
    public async Task<IActionResult> OnPostFieldsAsync([Bind(Prefix = "Fields")] FieldsInput fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await LoadAsync(fields);

        // Only this form was sent: the document form's (absent) values are no errors.
        ModelState.Clear();
        EInvoice = await inbox.ReadEInvoiceAsync(ItemId, HttpContext.RequestAborted);
        await PresetAsync();
        try
        {
            await inbox.UpdateFieldsAsync(ItemId, fields.ToFields(), HttpContext.RequestAborted);
            return Redirect($"/c/{CompanyId}/inbox/{ItemId}?fieldsSaved=true");
        }
        catch (ValidationFailedException failed)
        {
            foreach (var error in failed.Errors)
            {
                var name = string.Concat(char.ToUpperInvariant(error.Field[0]).ToString(), error.Field[1..]);
                var message = error.Code is "date" or "amount" or "text" ? texts[$"inbox.error.{error.Code}"] : error.Message;
                FieldErrors[name] = FieldErrors.TryGetValue(name, out var earlier) ? $"{earlier} {message}" : message;
            }

            Fields = FieldRow.Of(fields, Item!.Fields, FieldErrors);
            return Page();
        }
    }

    /// <summary>Makes the document.</summary>
    public async Task<IActionResult> OnPostConvertAsync()
    {
        await LoadAsync();
        EInvoice = await inbox.ReadEInvoiceAsync(ItemId, HttpContext.RequestAborted);
        if (Input.ApplyCommand())
        {
            ModelState.Clear();
            return Page();
        }

        try
        {
            if (Input.BinderId != Item!.BinderId)
            {
                // The document is filed in the item's binder: keep the one chosen in the form.
                Item = await inbox.AssignAsync(ItemId, Item.AssigneeId, Input.BinderId, HttpContext.RequestAborted);
            }

            var content = Input.ToContent(await companies.GetCurrentAsync(HttpContext.RequestAborted));
            var document = await inbox.ConvertAsync(ItemId, content, Input.Status, HttpContext.RequestAborted);
            return Redirect($"/c/{CompanyId}/documents/{document.Id}?saved=true");
        }
        catch (ValidationFailedException failed)
        {
            foreach (var error in failed.Errors)
            {
                ModelState.AddModelError(NewModel.FormField(error.Field), texts.Message(error));
            }

            Input.Tidy();
            return Page();
        }
    }

    /// <summary>Rejects the item.</summary>
    /// <param name="reason">Why.</param>
    public async Task<IActionResult> OnPostRejectAsync(string? reason)
    {
        await LoadAsync();
        await inbox.RejectAsync(ItemId, string.IsNullOrWhiteSpace(reason) ? null : reason, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/inbox");
    }

    /// <summary>The percentage of a confidence, e.g. "60%" (in the UI's culture).</summary>
    /// <param name="confidence">From 0 to 1.</param>
    public static string Percent(double confidence) => Math.Clamp(confidence, 0, 1).ToString("P0", System.Globalization.CultureInfo.CurrentCulture);

    private async Task LoadAsync(FieldsInput? form = null)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Item = await inbox.GetAsync(ItemId, cancellationToken);
        Text = await inbox.GetTextAsync(ItemId, cancellationToken);
        Fields = FieldRow.Of(form ?? FieldsInput.From(Item.Fields), Item.Fields, FieldErrors);
        ViewData["Binders"] = await binders.ListAsync(cancellationToken);
    }

    // The document form starts from what was read from the file: an e-invoice whole (lines included), else the
    // fields found in its text (or the file's name for the number). A supplier's document is a purchase.
    private async Task PresetAsync()
    {
        if (EInvoice is { } invoice)
        {
            var read = invoice.Content with { Type = invoice.IsCreditNote ? DocumentType.PurchaseCreditNote : DocumentType.PurchaseInvoice };
            Input = NewDocumentInput.From(read);
            Input.BinderId = Item!.BinderId;
            Input.Tidy();
            return;
        }

        var fields = Item!.Fields;
        Input.Type = DocumentType.PurchaseInvoice;
        await DocumentFormDefaults.FillOwnPartyAsync(documents, await companies.GetCurrentAsync(HttpContext.RequestAborted), Input, HttpContext.RequestAborted);
        Input.PartyIban = fields.Iban?.Value;
        Input.BinderId = Item.BinderId;
        Input.Number = fields.InvoiceNumber?.Value ?? Path.GetFileNameWithoutExtension(Item.FileName);
        Input.PartyName = fields.SupplierName?.Value ?? Input.PartyName;
        Input.PartyVatNumber = fields.VatNumber?.Value ?? Input.PartyVatNumber;
        Input.Currency = fields.Currency?.Value ?? Input.Currency;
        if (Date(fields.InvoiceDate?.Value) is { } issued)
        {
            Input.IssueDate = issued;
        }

        Input.DueDate = Date(fields.DueDate?.Value) ?? Input.DueDate;
        if (TotalLine(fields) is { } line)
        {
            Input.Lines = [line];
        }

        Input.Tidy();
    }

    /// <summary>
    /// One line carrying the total read (excluding VAT) at the rate its VAT amount gives, when a usual rate
    /// gives it to the cent; <see langword="null"/> otherwise.
    /// </summary>
    internal static LineInput? TotalLine(DocSync.Core.Reading.ExtractedFields fields)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (!decimal.TryParse(fields.Total?.Value, System.Globalization.NumberStyles.Number, inv, out var total))
        {
            return null;
        }

        var vat = decimal.TryParse(fields.VatAmount?.Value, System.Globalization.NumberStyles.Number, inv, out var v) ? v : 0m;
        var net = total - vat;
        decimal[] rates = [21m, 12m, 6m, 0m, 9m, 20m, 10m, 5.5m, 17m, 19m, 7m];
        foreach (var rate in rates)
        {
            if (DocSync.Core.Validation.DocumentCalculator.RoundToCent(net * rate / 100m) == vat)
            {
                return new LineInput { Description = fields.InvoiceNumber?.Value ?? fields.SupplierName?.Value ?? "—", Quantity = 1, UnitPrice = net, VatRate = rate };
            }
        }

        return null;
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date : null;
}
