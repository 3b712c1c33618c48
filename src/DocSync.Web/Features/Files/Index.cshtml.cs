using System.Globalization;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Files;
using DocSync.Core.Organizing;
using DocSync.Web.Features.Shared;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace DocSync.Web.Features.Files;

/// <summary>
/// Files: a folder's subfolders and files page by page (or what a search finds), and for holders of the right
/// "manage files" upload (several at once; drag and drop when scripts run, a plain form when not), new folder,
/// rename, and for a selection: download as a zip, move, delete to the trash. Every change names the version it
/// was made from, so a change someone made meanwhile is refused rather than overwritten.
/// </summary>
[RequireRight(Right.ViewDocuments)]
public sealed class IndexModel(FolderService folders, FileBrowser browser, ICompanyContext company, Texts texts) : PageModel
{
    /// <summary>Files per page.</summary>
    public const int PageSize = 100;

    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The folder shown; none: the top level.</summary>
    [BindProperty(SupportsGet = true, Name = "folder")]
    public Guid? FolderId { get; set; }

    /// <summary>The key of the page shown (none: the first).</summary>
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    /// <summary>Words in file names to look for, anywhere.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// <summary>How many files were just uploaded.</summary>
    [BindProperty(SupportsGet = true, Name = "uploaded")]
    public int? Uploaded { get; set; }

    /// <summary>What was just done, a text key (e.g. <c>files.done.moved</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    /// <summary>The page of the folder (when not searching).</summary>
    public FolderPage? Listing { get; private set; }

    /// <summary>What the search found.</summary>
    public IReadOnlyList<FileHit>? Hits { get; private set; }

    /// <summary>Every folder with its path, for "move to".</summary>
    public IReadOnlyList<(FolderInfo Folder, string Path)> Tree { get; private set; } = [];

    /// <summary>Whether the person may change Files.</summary>
    public bool CanManage => company.Has(Right.ManageFiles);

    /// <summary>The folder's page, or the search's results.</summary>
    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Hits = await browser.SearchAsync(Q, 200, cancellationToken);
        }
        else
        {
            try
            {
                Listing = await browser.PageAsync(FolderId, After, PageSize, cancellationToken);
            }
            catch (ValidationFailedException) when (After is not null)
            {
                // A page key from an old link: the first page instead.
                After = null;
                Listing = await browser.PageAsync(FolderId, null, PageSize, cancellationToken);
            }
        }

        if (CanManage)
        {
            Tree = await browser.TreeAsync(cancellationToken);
        }
    }

    /// <summary>Downloads a file.</summary>
    /// <param name="fileId">The file.</param>
    public async Task<IActionResult> OnGetDownloadAsync(Guid fileId)
    {
        var (file, content) = await folders.OpenFileAsync(fileId, HttpContext.RequestAborted);
        return SafeFile.Download(Response, content, file.FileName);
    }

    /// <summary>Shows a PDF or image in the browser (anything else downloads).</summary>
    /// <param name="fileId">The file.</param>
    public async Task<IActionResult> OnGetPreviewAsync(Guid fileId)
    {
        var (file, content) = await folders.OpenFileAsync(fileId, HttpContext.RequestAborted);
        return SafeFile.Preview(HttpContext, content, file.ContentType, file.FileName);
    }

    /// <summary>Downloads a folder with all it holds as a zip, streamed as it is made.</summary>
    /// <param name="folderId">The folder.</param>
    public async Task<IActionResult> OnGetZipAsync(Guid folderId)
    {
        var path = await browser.PathAsync(folderId, HttpContext.RequestAborted);
        return new ZipDownload(await browser.ZipEntriesAsync([], [folderId], HttpContext.RequestAborted), ZipDownload.NameFor(path[^1].Name));
    }

    /// <summary>Uploads files into the folder shown; a name in use gets a number, nothing is overwritten.</summary>
    /// <param name="files">The files.</param>
    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files)
    {
        if (files is not { Count: > 0 })
        {
            return await FailAsync("files", texts["error.chooseFiles"]);
        }

        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
            try
            {
                await folders.AddFileAsync(FolderId, Path.GetFileName(file.FileName), contentType, content, keepBoth: true, HttpContext.RequestAborted);
            }
            catch (ValidationFailedException e)
            {
                return await FailAsync("files", $"{Path.GetFileName(file.FileName)}: {Describe(e.Errors[0].Code)}");
            }
        }

        return Redirect(Here(new() { ["uploaded"] = files.Count.ToString(CultureInfo.InvariantCulture) }));
    }

    /// <summary>Makes a folder in the folder shown.</summary>
    /// <param name="name">Its name.</param>
    public Task<IActionResult> OnPostNewFolderAsync(string? name) =>
        ActAsync("files.done.created", () => folders.CreateFolderAsync(FolderId, name ?? "", HttpContext.RequestAborted));

    /// <summary>Renames a file or folder.</summary>
    /// <param name="item">The item: <c>f:&lt;id&gt;:&lt;version&gt;</c> for a file, <c>d:…</c> for a folder.</param>
    /// <param name="name">The new name.</param>
    public Task<IActionResult> OnPostRenameAsync(string? item, string? name) =>
        ActAsync("files.done.renamed", async () =>
        {
            var (isFolder, id, version) = ParseItem(item);
            _ = isFolder
                ? (object)await folders.RenameFolderAsync(id, name ?? "", version, HttpContext.RequestAborted)
                : await folders.RenameFileAsync(id, name ?? "", version, HttpContext.RequestAborted);
        });

    /// <summary>Does <paramref name="action"/> to the selected files and folders: <c>zip</c>, <c>move</c> (to <paramref name="target"/>; empty: the top level) or <c>delete</c> (to the trash).</summary>
    /// <param name="selected">The items, as <see cref="OnPostRenameAsync"/> names them.</param>
    /// <param name="action">What to do.</param>
    /// <param name="target">Where a move goes.</param>
    public async Task<IActionResult> OnPostSelectionAsync(List<string>? selected, string? action, string? target)
    {
        var items = (selected ?? []).Select(ParseItem).ToList();
        if (items.Count == 0)
        {
            return await FailAsync("selected", texts["files.error.nothing-selected"]);
        }

        var cancellationToken = HttpContext.RequestAborted;
        switch (action)
        {
            case "zip":
                return new ZipDownload(await browser.ZipEntriesAsync(items.Where(i => !i.IsFolder).Select(i => i.Id).ToList(),
                    items.Where(i => i.IsFolder).Select(i => i.Id).ToList(), cancellationToken), ZipDownload.NameFor(null));
            case "move":
                Guid? to = Guid.TryParse(target, out var t) ? t : null;
                return await ActAsync("files.done.moved", async () =>
                {
                    foreach (var (isFolder, id, version) in items)
                    {
                        _ = isFolder ? (object)await folders.MoveFolderAsync(id, to, version, cancellationToken) : await folders.MoveFileAsync(id, to, version, cancellationToken);
                    }
                });
            case "delete":
                return await ActAsync("files.done.deleted", async () =>
                {
                    foreach (var (isFolder, id, version) in items)
                    {
                        if (isFolder)
                        {
                            await folders.TrashFolderAsync(id, version, cancellationToken);
                        }
                        else
                        {
                            await folders.TrashFileAsync(id, version, cancellationToken);
                        }
                    }
                });
            default:
                return await FailAsync("action", texts["files.error.nothing-selected"]);
        }
    }

    /// <summary>This page (folder, page key, search) with <paramref name="extra"/> in the query.</summary>
    /// <param name="extra">More query values.</param>
    public string Here(Dictionary<string, string?>? extra = null)
    {
        var query = new Dictionary<string, string?>();
        if (FolderId is { } folder) { query["folder"] = folder.ToString(); }
        foreach (var (key, value) in extra ?? []) { query[key] = value; }
        return QueryHelpers.AddQueryString($"/c/{CompanyId}/files", query);
    }

    /// <summary>A selection or rename value for a file.</summary>
    /// <param name="file">The file.</param>
    public static string ItemOf(FolderFileInfo file) => FormattableString.Invariant($"f:{file.Id}:{file.Version}");

    /// <summary>A selection or rename value for a folder.</summary>
    /// <param name="folder">The folder.</param>
    public static string ItemOf(FolderInfo folder) => FormattableString.Invariant($"d:{folder.Id}:{folder.Version}");

    private static (bool IsFolder, Guid Id, int? Version) ParseItem(string? item)
    {
        var parts = (item ?? "").Split(':');
        return parts.Length == 3 && parts[0] is "f" or "d" && Guid.TryParse(parts[1], out var id)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (parts[0] == "d", id, version)
            : throw new NotFoundException("item", item ?? "");
    }

    private async Task<IActionResult> ActAsync(string done, Func<Task> act)
    {
        try
        {
            await act();
        }
        catch (ConflictException e)
        {
            return await FailAsync(e.Field, Describe(e.Code));
        }
        catch (ValidationFailedException e)
        {
            return await FailAsync(e.Errors[0].Field, Describe(e.Errors[0].Code));
        }

        return Redirect(Here(new() { ["done"] = done }));
    }

    private async Task<IActionResult> FailAsync(string field, string message)
    {
        ModelState.AddModelError(field, message);
        After = null;
        Q = null;
        await OnGetAsync();
        return Page();
    }

    private string Describe(string code) => code switch
    {
        "name-taken" or "changed-meanwhile" or "into-itself" or "file-name" or "content-type" => texts[$"files.error.{code}"],
        _ => texts["files.error.other"],
    };
}
