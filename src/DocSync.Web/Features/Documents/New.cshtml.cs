using System.Globalization;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Documents;

/// <summary>Uploads a document: the essentials typed in, totals computed, the file attached (or a PDF rendered).</summary>
[RequireRight(Right.EditDocuments)]
public sealed class NewModel(DocumentService documents, BinderService binders, CompanyService companies) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public NewDocumentInput Input { get; set; } = new();

    /// <summary>Binders to choose from.</summary>
    public IReadOnlyList<Binder> Binders { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync() => ViewData["Binders"] = Binders = await binders.ListAsync(HttpContext.RequestAborted);

    /// <summary>Creates the document.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await OnGetAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var content = Input.ToContent(await companies.GetCurrentAsync(cancellationToken));

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

            return Page();
        }
    }

    /// <summary>The form field a core validation error belongs to.</summary>
    /// <param name="field">The core's field path.</param>
    internal static string FormField(string field) => field switch
    {
        "content.number" => "Input.Number",
        "content.currency" => "Input.Currency",
        _ when field.StartsWith("content.lines[", StringComparison.Ordinal) => "Input.Lines",
        _ when field.StartsWith("files[", StringComparison.Ordinal) => "Input.File",
        _ => string.Create(CultureInfo.InvariantCulture, $"Input.{field}"),
    };
}
