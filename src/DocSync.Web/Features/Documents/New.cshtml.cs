using System.Globalization;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Documents;

/// <summary>
/// Makes a document: the essentials and both parties typed in (with what Peppol BIS 3 needs), lines added and
/// removed, totals computed, the file attached (or a PDF rendered); says before saving when an invoice would get no UBL.
/// </summary>
[RequireRight(Right.EditDocuments)]
public sealed class NewModel(DocumentService documents, BinderService binders, CompanyService companies, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The type asked for in the URL (e.g. from the documents list).</summary>
    [FromQuery(Name = "type")]
    public DocumentType? AskedType { get; set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public NewDocumentInput Input { get; set; } = new();

    /// <summary>Binders to choose from.</summary>
    public IReadOnlyList<Binder> Binders { get; private set; } = [];

    /// <summary>Shows the form: the next number for the type and year, the company's own details, and whether a UBL would be made.</summary>
    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await LoadAsync();
        var company = await companies.GetCurrentAsync(cancellationToken);
        if (AskedType is { } type && Enum.IsDefined(type))
        {
            Input.Type = type;
        }

        await DocumentFormDefaults.FillOwnPartyAsync(documents, company, Input, cancellationToken);
        await DocumentFormDefaults.SuggestNumberAsync(documents, Input, cancellationToken);
    }

    /// <summary>Creates the document, or carries out a form button (add or remove a line, check the UBL).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await LoadAsync();
        var company = await companies.GetCurrentAsync(cancellationToken);
        if (Input.ApplyCommand())
        {
            ModelState.Clear();
            ViewData["UblProblems"] = UblProblemTexts.Of(texts, Input, company);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            Input.Tidy();
            return Page();
        }

        var content = Input.ToContent(company);
        var files = new List<DocumentFileUpload>();
        await using var upload = Input.File?.OpenReadStream();
        if (Input.File is { } file && upload is not null)
        {
            var kind = file.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? DocumentFileKind.Pdf
                : file.FileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? DocumentFileKind.Ubl
                : DocumentFileKind.Attachment;
            files.Add(new DocumentFileUpload(kind, Path.GetFileName(file.FileName), string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, upload));
        }

        try
        {
            var created = await documents.CreateAsync(new CreateDocumentRequest
            {
                Content = content,
                Status = Input.Status,
                BinderId = Input.BinderId,
                Files = files,
            }, cancellationToken);
            return Redirect($"/c/{CompanyId}/documents/{created.Document.Id}?saved=true");
        }
        catch (ValidationFailedException failed)
        {
            foreach (var error in failed.Errors)
            {
                ModelState.AddModelError(FormField(error.Field), Localization.ValidationTexts.Message(HttpContext.RequestServices.GetRequiredService<Localization.Texts>(), error));
            }

            Input.Tidy();
            ViewData["UblProblems"] = UblProblemTexts.Of(texts, Input, company);
            return Page();
        }
    }

    private async Task LoadAsync() => ViewData["Binders"] = Binders = await binders.ListAsync(HttpContext.RequestAborted);

    /// <summary>The form field a core validation error belongs to.</summary>
    /// <param name="field">The core's field path.</param>
    internal static string FormField(string field) => field switch
    {
        "content.number" or "number" => "Input.Number",
        "content.currency" or "currency" => "Input.Currency",
        _ when field.StartsWith("content.lines[", StringComparison.Ordinal) || field.StartsWith("lines", StringComparison.Ordinal) => "Input.Lines",
        _ when field.StartsWith("files[", StringComparison.Ordinal) => "Input.File",
        _ => string.Create(CultureInfo.InvariantCulture, $"Input.{field}"),
    };
}
