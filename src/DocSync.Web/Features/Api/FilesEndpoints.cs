using DocSync.Core.Errors;
using DocSync.Core.Files;
using DocSync.Core.Organizing;
using DocSync.Web.Errors;
using DocSync.Web.Features.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Api;

/// <summary>
/// Files over the API: folders (<c>/folders</c>) and free files (<c>/files</c>) of the key's company, paged by
/// name, moved and renamed with the version they were read at (a change made meanwhile answers 409
/// <c>changed-meanwhile</c>), deleted to the trash (<c>/files/trash</c>) and restored, downloaded one by one or
/// as a zip streamed as it is made.
/// </summary>
internal static class FilesEndpoints
{
    public static RouteGroupBuilder MapFilesEndpoints(this RouteGroupBuilder api)
    {
        var folders = api.MapGroup("/folders").WithTags("Files");
        folders.MapGet("/", TreeAsync).WithSummary("Every folder in use, with its path, by path.");
        folders.MapPost("/", CreateFolderAsync).WithSummary("Makes a folder (parentId absent or null: at the top level).")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        folders.MapGet("/{id:guid}", FolderPageAsync).WithSummary("One page of a folder: its subfolders (first page) and files by name; pass `next` as `after` for the following page.")
            .ProducesProblem(400).ProducesProblem(404);
        folders.MapPost("/{id:guid}/rename", RenameFolderAsync).WithSummary("Renames a folder.").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        folders.MapPost("/{id:guid}/move", MoveFolderAsync).WithSummary("Moves a folder with all it holds (targetFolderId null: the top level); into itself or its own subfolder: 422 into-itself.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        folders.MapDelete("/{id:guid}", TrashFolderAsync).WithSummary("Deletes a folder with all it holds to the trash (restorable until purged).")
            .ProducesProblem(404).ProducesProblem(409);
        folders.MapGet("/{id:guid}/zip", FolderZipAsync).WithSummary("The folder and all it holds as a zip, streamed as it is made.")
            .Produces(200, contentType: "application/zip").ProducesProblem(404);

        var files = api.MapGroup("/files").WithTags("Files");
        files.MapGet("/", TopPageAsync).WithSummary("One page of the top level: its folders (first page) and files by name.").ProducesProblem(400);
        files.MapGet("/search", SearchAsync).WithSummary("Files whose name holds `q` (ignoring case), anywhere, with their folder's path.");
        files.MapPost("/", UploadAsync)
            .WithSummary("Adds one file: the raw bytes as the body, the name in Content-Disposition (filename or filename*), into `folderId` (absent: the top level). A name in use: 409 name-taken, or a numbered name with `keepBoth=true`.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422);
        files.MapGet("/{id:guid}", GetFileAsync).WithSummary("One file.").ProducesProblem(404);
        files.MapGet("/{id:guid}/content", ContentAsync).WithSummary("A file's bytes, as a download (Range supported).").ProducesProblem(404);
        files.MapPost("/{id:guid}/rename", RenameFileAsync).WithSummary("Renames a file.").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        files.MapPost("/{id:guid}/move", MoveFileAsync).WithSummary("Moves a file (targetFolderId null: the top level).").ProducesProblem(404).ProducesProblem(409);
        files.MapDelete("/{id:guid}", TrashFileAsync).WithSummary("Deletes a file to the trash (restorable until purged).").ProducesProblem(404).ProducesProblem(409);
        files.MapPost("/zip", SelectionZipAsync).WithSummary("Files and folders (each with all it holds) as one zip, streamed as it is made.")
            .Produces(200, contentType: "application/zip").ProducesProblem(404).ProducesProblem(422);
        files.MapGet("/trash", TrashAsync).WithSummary("What the trash holds, most recently deleted first, with when each is purged.");
        files.MapPost("/trash/{id:guid}/restore", RestoreAsync)
            .WithSummary("Restores a file or folder into its folder (the top level when that is gone); a name taken meanwhile gets \" (restored)\".").ProducesProblem(404).ProducesProblem(409);
        files.MapDelete("/trash/{id:guid}", PurgeAsync).WithSummary("Purges one item of the trash now.").ProducesProblem(404);
        files.MapDelete("/trash", EmptyTrashAsync).WithSummary("Empties the trash now.");
        return api;
    }

    private static async Task<Ok<List<FolderTreeBody>>> TreeAsync(FileBrowser browser, CancellationToken cancellationToken) =>
        TypedResults.Ok((await browser.TreeAsync(cancellationToken)).Select(f => new FolderTreeBody(FolderBody.From(f.Folder), f.Path)).ToList());

    private static async Task<Created<FolderBody>> CreateFolderAsync(NewFolderBody body, FolderService service, CancellationToken cancellationToken)
    {
        var folder = FolderBody.From(await service.CreateFolderAsync(body.ParentId, body.Name ?? "", cancellationToken));
        return TypedResults.Created($"/api/v1/folders/{folder.Id}", folder);
    }

    private static Task<Ok<FolderPageBody>> FolderPageAsync(Guid id, string? after, int? pageSize, FileBrowser browser, CancellationToken cancellationToken) =>
        PageAsync(id, after, pageSize, browser, cancellationToken);

    private static Task<Ok<FolderPageBody>> TopPageAsync(string? after, int? pageSize, FileBrowser browser, CancellationToken cancellationToken) =>
        PageAsync(null, after, pageSize, browser, cancellationToken);

    private static async Task<Ok<FolderPageBody>> PageAsync(Guid? id, string? after, int? pageSize, FileBrowser browser, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(FolderPageBody.From(await browser.PageAsync(id, after, pageSize ?? 100, cancellationToken)));
        }
        catch (ValidationFailedException e) when (e.Errors is [{ Field: "after" or "pageSize" } error])
        {
            // Query values: a malformed one is 400 naming it, as on every route.
            throw new MalformedRequestException("bad-query", error.Field, error.Message);
        }
    }

    private static async Task<Ok<FolderBody>> RenameFolderAsync(Guid id, RenameBody body, FolderService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(FolderBody.From(await service.RenameFolderAsync(id, body.Name ?? "", body.Version, cancellationToken)));

    private static async Task<Ok<FolderBody>> MoveFolderAsync(Guid id, MoveBody body, FolderService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(FolderBody.From(await service.MoveFolderAsync(id, body.TargetFolderId, body.Version, cancellationToken)));

    private static async Task<NoContent> TrashFolderAsync(Guid id, int? version, FolderService service, CancellationToken cancellationToken)
    {
        await service.TrashFolderAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> FolderZipAsync(Guid id, FileBrowser browser, CancellationToken cancellationToken)
    {
        var path = await browser.PathAsync(id, cancellationToken);
        return new ZipDownload(await browser.ZipEntriesAsync([], [id], cancellationToken), ZipDownload.NameFor(path[^1].Name));
    }

    private static async Task<IResult> SelectionZipAsync(ZipBody body, FileBrowser browser, CancellationToken cancellationToken)
    {
        var fileIds = body.FileIds ?? [];
        var folderIds = body.FolderIds ?? [];
        if (fileIds.Count + folderIds.Count == 0)
        {
            throw new ValidationFailedException("fileIds", "required", "Name at least one file or folder.");
        }

        return new ZipDownload(await browser.ZipEntriesAsync(fileIds, folderIds, cancellationToken), ZipDownload.NameFor(null));
    }

    private static async Task<Ok<List<FileHitBody>>> SearchAsync(string? q, FileBrowser browser, CancellationToken cancellationToken) =>
        TypedResults.Ok((await browser.SearchAsync(q ?? "", 200, cancellationToken)).Select(h => new FileHitBody(FolderFileBody.From(h.File), h.FolderPath)).ToList());

    private static async Task<Created<FolderFileBody>> UploadAsync(HttpContext context, FolderService service, Guid? folderId, bool? keepBoth)
    {
        var request = context.Request;
        if (!ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            || HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value is not { Length: > 0 } fileName)
        {
            throw new ValidationFailedException("Content-Disposition", "required", "Name the file: Content-Disposition: attachment; filename*=UTF-8''<name>.");
        }

        var contentType = string.IsNullOrEmpty(request.ContentType) ? "application/octet-stream" : request.ContentType;
        var file = await service.AddFileAsync(folderId, fileName, contentType, request.Body, keepBoth ?? false, context.RequestAborted);
        return TypedResults.Created($"/api/v1/files/{file.Id}", FolderFileBody.From(file));
    }

    private static async Task<Ok<FolderFileBody>> GetFileAsync(Guid id, FileBrowser browser, CancellationToken cancellationToken) =>
        TypedResults.Ok(FolderFileBody.From(await browser.GetFileAsync(id, cancellationToken)));

    private static async Task<IResult> ContentAsync(Guid id, FolderService service, HttpContext context)
    {
        var (file, content) = await service.OpenFileAsync(id, context.RequestAborted);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, "application/octet-stream", file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<Ok<FolderFileBody>> RenameFileAsync(Guid id, RenameBody body, FolderService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(FolderFileBody.From(await service.RenameFileAsync(id, body.Name ?? "", body.Version, cancellationToken)));

    private static async Task<Ok<FolderFileBody>> MoveFileAsync(Guid id, MoveBody body, FolderService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(FolderFileBody.From(await service.MoveFileAsync(id, body.TargetFolderId, body.Version, cancellationToken)));

    private static async Task<NoContent> TrashFileAsync(Guid id, int? version, FolderService service, CancellationToken cancellationToken)
    {
        await service.TrashFileAsync(id, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<TrashItemBody>>> TrashAsync(FileTrash trash, CancellationToken cancellationToken) =>
        TypedResults.Ok((await trash.ListAsync(cancellationToken)).Select(TrashItemBody.From).ToList());

    private static async Task<Ok<RestoredBody>> RestoreAsync(Guid id, FileTrash trash, CancellationToken cancellationToken)
    {
        var (name, folderId) = await trash.RestoreAsync(id, cancellationToken);
        return TypedResults.Ok(new RestoredBody(name, folderId));
    }

    private static async Task<NoContent> PurgeAsync(Guid id, FileTrash trash, CancellationToken cancellationToken)
    {
        await trash.PurgeAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EmptyTrashAsync(FileTrash trash, CancellationToken cancellationToken)
    {
        await trash.EmptyAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
