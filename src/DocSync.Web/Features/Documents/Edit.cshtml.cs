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
/// Changes what a document says: the same form as a new document, filled with the current version; saving makes a
/// new version (the older ones stay), refused when someone saved another version since the form was opened.
/// </summary>
[RequireRight(Right.EditDocuments)]
public sealed class EditModel(DocumentService documents, BinderService binders, CompanyService companies, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The document of the URL.</summary>
    [FromRoute]
    public Guid DocumentId { get; set; }

    /// <summary>The version the form was filled from.</summary>
    [BindProperty]
    public int? Version { get; set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public NewDocumentInput Input { get; set; } = new();

    /// <summary>Shows the form filled with the current version.</summary>
    public async Task OnGetAsync()
    {
        var document = await documents.GetAsync(DocumentId, HttpContext.RequestAborted);
        await LoadAsync();
        Input = NewDocumentInput.From(document.Content);
        Input.Status = document.Status;
        Input.BinderId = document.BinderId;
        Input.Tidy();
        Version = document.CurrentVersion;
        ViewData["UblProblems"] = UblProblemTexts.Of(texts, Input, await companies.GetCurrentAsync(HttpContext.RequestAborted));
    }

    /// <summary>Saves a new version, or carries out a form button (add or remove a line, check the UBL).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await documents.GetAsync(DocumentId, cancellationToken);
        await LoadAsync();
        var company = await companies.GetCurrentAsync(cancellationToken);
        if (Input.ApplyCommand())
        {
            ModelState.Clear();
            ViewData["UblProblems"] = UblProblemTexts.Of(texts, Input, company);
            return Page();
        }

        if (Version is null)
        {
            // The form always carries the version it was filled from; without it a newer version could be overwritten.
            ModelState.AddModelError(nameof(Version), texts["validation.required"]);
        }

        if (ModelState.IsValid)
        {
            try
            {
                await documents.UpdateAsync(DocumentId, new UpdateDocumentRequest
                {
                    Content = Input.ToContent(company),
                    Status = Input.Status,
                    BinderId = Input.BinderId,
                    ExpectedVersion = Version,
                }, cancellationToken);
                return Redirect($"/c/{CompanyId}/documents/{DocumentId}?saved=true");
            }
            catch (ValidationFailedException failed)
            {
                foreach (var error in failed.Errors)
                {
                    ModelState.AddModelError(NewModel.FormField(error.Field), error.Message);
                }
            }
            catch (ConflictException e) when (e.Field == "expectedVersion")
            {
                ModelState.AddModelError("", texts["edit.conflict"]);
            }
        }

        Input.Tidy();
        ViewData["UblProblems"] = UblProblemTexts.Of(texts, Input, company);
        return Page();
    }

    private async Task LoadAsync() => ViewData["Binders"] = await binders.ListAsync(HttpContext.RequestAborted);
}
