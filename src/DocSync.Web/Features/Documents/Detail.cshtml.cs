using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Organizing;
using DocSync.Web.Features.Shared;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Documents;

/// <summary>One document (any version) with its files and history; status change and file upload make new versions.</summary>
[RequireRight(Right.ViewDocuments)]
public sealed class DetailModel(DocumentService documents, BinderService binders, ICompanyContext company, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The document of the URL.</summary>
    [FromRoute]
    public Guid DocumentId { get; set; }

    /// <summary>The version shown.</summary>
    public DocumentView? Document { get; private set; }

    /// <summary>Every version.</summary>
    public IReadOnlyList<DocumentVersionInfo> Versions { get; private set; } = [];

    /// <summary>The binder's name.</summary>
    public string? BinderName { get; private set; }

    /// <summary>Whether a change was just saved.</summary>
    [FromQuery]
    public bool Saved { get; set; }

    /// <summary>Whether the person may change documents.</summary>
    public bool CanEdit => company.Has(Right.EditDocuments);

    /// <summary>Shows the current version, or <paramref name="version"/>.</summary>
    /// <param name="version">An older version to show.</param>
    public async Task OnGetAsync(int? version) => await LoadAsync(version);

    /// <summary>Changes the status (a new version).</summary>
    /// <param name="status">The new status.</param>
    /// <param name="version">The version the form was made from.</param>
    public async Task<IActionResult> OnPostStatusAsync(DocumentStatus status, int version)
    {
        // Loaded first so a refusal (someone changed the document meanwhile) can show the page again.
        await LoadAsync(null);
        await Update(Document!, status, version, []);
        return Redirect($"/c/{CompanyId}/documents/{DocumentId}?saved=true");
    }

    /// <summary>Adds a file as an attachment (or as the PDF when there is none).</summary>
    /// <param name="file">The uploaded file.</param>
    /// <param name="version">The version the form was made from.</param>
    public async Task<IActionResult> OnPostAttachAsync(IFormFile? file, int version)
    {
        await LoadAsync(null);
        var current = Document!;
        if (file is null)
        {
            ModelState.AddModelError("file", texts["error.chooseFile"]);
            return Page();
        }

        await using var content = file.OpenReadStream();
        var kind = file.FileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? DocumentFileKind.Ubl : DocumentFileKind.Attachment;
        try
        {
            await Update(current, current.Status, version, [new DocumentFileUpload(kind, Path.GetFileName(file.FileName), file.ContentType, content)]);
        }
        catch (Core.Errors.ValidationFailedException failed)
        {
            foreach (var error in failed.Errors)
            {
                ModelState.AddModelError(error.Field, texts.Message(error));
            }

            return Page();
        }

        return Redirect($"/c/{CompanyId}/documents/{DocumentId}?saved=true");
    }

    /// <summary>The question asked before a destructive action, when one is pending.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>Deletes the document (its versions are kept; export profiles decide what happens in Dropbox).</summary>
    /// <param name="version">The version the form was made from: a newer one is not deleted unseen.</param>
    /// <param name="confirmed">Whether the person confirmed; until then the page asks first.</param>
    public async Task<IActionResult> OnPostDeleteAsync(int version, bool confirmed)
    {
        await LoadAsync(null);
        if (!confirmed)
        {
            Confirm = new Confirmation(texts.Format("detail.deleteConfirm", Document!.Content.Number), [texts["detail.deleteHint"]], "delete",
                new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                texts["detail.delete"], $"/c/{CompanyId}/documents/{DocumentId}");
            return Page();
        }

        try
        {
            await documents.DeleteAsync(DocumentId, version, HttpContext.RequestAborted);
        }
        catch (Core.Errors.ConflictException conflict)
        {
            ModelState.AddModelError(string.Empty, texts.Message(conflict.Code, conflict.Message));
            return Page();
        }

        return Redirect($"/c/{CompanyId}/documents?deleted={Uri.EscapeDataString(Document!.Content.Number)}");
    }

    private Task Update(DocumentView current, DocumentStatus status, int version, IReadOnlyList<DocumentFileUpload> files) =>
        documents.UpdateAsync(DocumentId, new UpdateDocumentRequest
        {
            Content = current.Content,
            Status = status,
            BinderId = current.BinderId,
            AddFiles = files,
            ExpectedVersion = version,
        }, HttpContext.RequestAborted);

    private async Task LoadAsync(int? version)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Document = version is { } v ? await documents.GetVersionAsync(DocumentId, v, cancellationToken) : await documents.GetAsync(DocumentId, cancellationToken);
        Versions = await documents.ListVersionsAsync(DocumentId, cancellationToken);
        BinderName = Document.BinderId is { } binderId ? (await binders.ListAsync(cancellationToken)).FirstOrDefault(b => b.Id == binderId)?.Name : null;
    }
}
